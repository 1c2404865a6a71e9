using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Admin.Queues;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Webhooks;
using NocBoard.Data;

namespace NocBoard.Automation.Admin;

public sealed record ScripSummary(int Id, string Description, string? Queue, ScripCondition Condition, ScripAction Action,
    string? TemplateName, int SortOrder, bool Disabled);

/// <summary>A scrip as its editor shows it.</summary>
public sealed class ScripForm
{
    public string Description { get; set; } = "";
    public int? QueueId { get; set; }
    public ScripCondition Condition { get; set; } = ScripCondition.OnCreate;
    public string? ConditionArgument { get; set; }
    public ScripAction Action { get; set; } = ScripAction.NotifyAdminCcs;
    public string? ActionArgument { get; set; }
    public string? TemplateName { get; set; }
    public int SortOrder { get; set; } = 100;
    /// <summary>A new signing secret; empty keeps the one stored (which is never shown again).</summary>
    public string? WebhookSecret { get; set; }

    public bool HasWebhookSecret { get; set; }
}

public sealed record ScripChoices(IReadOnlyList<Choice> Queues, bool MayEditGlobal, IReadOnlyList<string> Templates);

/// <summary>
/// Creating and changing scrips. A global scrip needs AdminQueue globally; a queue's scrip needs
/// AdminQueue on that queue (or globally). Scrips are disabled, never deleted.
/// </summary>
public sealed class ScripAdmin(NocDbContext db, AdminRights rights, AdminWriter writer, WebhookSecrets secrets)
{
    public Task<AdminResult<IReadOnlyList<ScripSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<ScripSummary>>(async () =>
        {
            var (queues, global) = await ScopeAsync(actor, ct);
            var names = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
            var scrips = await db.Scrips().AsNoTracking().OrderBy(s => s.QueueId != null).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
            return scrips.Where(s => s.QueueId is { } q ? queues.Contains(q) : global)
                .Select(s => new ScripSummary(s.Id, s.Description, s.QueueId is { } q ? names[q] : null, s.Condition, s.Action,
                    s.TemplateName, s.SortOrder, s.Disabled))
                .ToList();
        });

    public Task<AdminResult<ScripChoices>> ChoicesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var (queues, global) = await ScopeAsync(actor, ct);
            var all = await db.Queues.AsNoTracking().Where(q => !q.Disabled).OrderBy(q => q.Name).ToListAsync(ct);
            var templates = await db.Templates().AsNoTracking().Select(t => t.Name).Distinct().OrderBy(n => n).ToListAsync(ct);
            return new ScripChoices(all.Where(q => queues.Contains(q.Id)).Select(q => new Choice(q.Id, q.Name)).ToList(), global, templates);
        });

    public Task<AdminResult<ScripForm>> GetAsync(Actor actor, int scripId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var scrip = await FindAsync(scripId, ct);
            await RequireAsync(actor, scrip.QueueId, "administer this scrip", ct);
            return new ScripForm
            {
                Description = scrip.Description, QueueId = scrip.QueueId, Condition = scrip.Condition,
                ConditionArgument = scrip.ConditionArgument, Action = scrip.Action, ActionArgument = scrip.ActionArgument,
                TemplateName = scrip.TemplateName, SortOrder = scrip.SortOrder, HasWebhookSecret = scrip.ProtectedWebhookSecret is not null,
            };
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, ScripForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, form.QueueId, "create this scrip", ct);
            var scrip = new Scrip { Description = "" };
            await ApplyAsync(scrip, form, ct);
            db.Scrips().Add(scrip);
            await db.SaveChangesAsync(ct);
            return scrip.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int scripId, ScripForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var scrip = await FindAsync(scripId, ct, tracked: true);
            await RequireAsync(actor, scrip.QueueId, "change this scrip", ct);
            if (form.QueueId != scrip.QueueId) await RequireAsync(actor, form.QueueId, "move this scrip there", ct);
            await ApplyAsync(scrip, form, ct);
        }, ct);

    public Task<AdminResult> SetDisabledAsync(Actor actor, int scripId, bool disabled, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var scrip = await FindAsync(scripId, ct, tracked: true);
            await RequireAsync(actor, scrip.QueueId, $"{(disabled ? "disable" : "enable")} this scrip", ct);
            scrip.Disabled = disabled;
        }, ct);

    private async Task ApplyAsync(Scrip scrip, ScripForm form, CancellationToken ct)
    {
        scrip.Description = AdminInput.Name(form.Description, "A scrip", "Description");
        if (form.QueueId is { } queueId && !await db.Queues.AnyAsync(q => q.Id == queueId, ct))
            throw Refuse.Invalid($"There is no queue #{queueId}.", "QueueId");
        scrip.QueueId = form.QueueId;
        if (!Enum.IsDefined(form.Condition)) throw Refuse.Invalid($"'{form.Condition}' is not a condition.", "Condition");
        if (!Enum.IsDefined(form.Action)) throw Refuse.Invalid($"'{form.Action}' is not an action.", "Action");
        if (ScripConditions.Check(form.Condition, form.ConditionArgument) is { } conditionError)
            throw Refuse.Invalid(conditionError, "ConditionArgument");
        scrip.Condition = form.Condition;
        scrip.ConditionArgument = AdminInput.Optional(form.ConditionArgument);
        scrip.Action = form.Action;
        scrip.ActionArgument = AdminInput.Optional(form.ActionArgument);
        await CheckActionAsync(scrip, ct);
        scrip.TemplateName = AdminInput.Optional(form.TemplateName);
        if (NeedsTemplate(form.Action))
        {
            if (scrip.TemplateName is null) throw Refuse.Invalid($"{form.Action} needs a template.", "TemplateName");
            if (!await db.Templates().AnyAsync(t => t.Name == scrip.TemplateName && (t.QueueId == null || t.QueueId == scrip.QueueId), ct))
                throw Refuse.Invalid($"There is no template '{scrip.TemplateName}' for this scrip's queue or global.", "TemplateName");
        }
        scrip.SortOrder = form.SortOrder;
        if (AdminInput.Optional(form.WebhookSecret) is { } secret)
        {
            if (secret.Length > WebhookSecrets.MaxLength)
                throw Refuse.Invalid($"A signing secret has at most {WebhookSecrets.MaxLength} characters (this one has {secret.Length}).", "WebhookSecret");
            scrip.ProtectedWebhookSecret = secrets.Protect(secret);
        }
        if (form.Action == ScripAction.CallWebhook && scrip.ProtectedWebhookSecret is null)
            throw Refuse.Invalid("A webhook scrip needs a secret to sign its calls with.", "WebhookSecret");
    }

    public static bool NeedsTemplate(ScripAction action) =>
        ScripMailActions.Handles(action) && action != ScripAction.CallWebhook
        || action is ScripAction.AddComment or ScripAction.CreateLinkedTicket;

    private async Task CheckActionAsync(Scrip scrip, CancellationToken ct)
    {
        var argument = scrip.ActionArgument;
        string? error = scrip.Action switch
        {
            ScripAction.NotifyOtherRecipients when argument is null
                || argument.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Any(a => Site.EmailAddresses.Normalize(a) is null)
                => "Notify Other Recipients needs email addresses, separated by commas.",
            ScripAction.NotifyGroup when argument is null || !await db.Groups.AnyAsync(g => g.Name == argument && !g.Disabled, ct)
                => $"Notify Group needs the name of an enabled group; '{argument}' is not one.",
            ScripAction.SetStatus or ScripAction.SetQueue or ScripAction.AddWatcher or ScripAction.CreateLinkedTicket when argument is null
                => $"{scrip.Action} needs an argument.",
            ScripAction.SetPriority when !int.TryParse(argument, out _) => "Set Priority needs a whole number.",
            ScripAction.SetQueue when !await db.Queues.AnyAsync(q => q.Name == argument, ct) => $"There is no queue '{argument}'.",
            ScripAction.CallWebhook when !Uri.TryCreate(argument, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
                => "Call Webhook needs an http or https URL.",
            _ => null,
        };
        if (error is not null) throw Refuse.Invalid(error, "ActionArgument");
    }

    /// <summary>The queues whose scrips the actor may administer, and whether they may administer global ones.</summary>
    private async Task<(IReadOnlySet<int> Queues, bool Global)> ScopeAsync(Actor actor, CancellationToken ct)
    {
        var queues = await rights.QueuesWithAsync(actor, Right.AdminQueue, ct);
        var global = await rights.HasAsync(actor, Right.AdminQueue, null, ct);
        if (queues.Count == 0 && !global)
            throw Refuse.Forbidden("You may not administer scrips: that needs the AdminQueue right, globally or on a queue.");
        return (queues, global);
    }

    private async Task RequireAsync(Actor actor, int? queueId, string doing, CancellationToken ct)
    {
        if (queueId is { } id)
        {
            var name = await db.Queues.AsNoTracking().Where(q => q.Id == id).Select(q => q.Name).SingleOrDefaultAsync(ct)
                       ?? throw Refuse.Invalid($"There is no queue #{id}.", "QueueId");
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, id, name, doing, ct);
        }
        else
        {
            await rights.RequireAsync(actor, Right.AdminQueue, $"{doing} (a global scrip)", ct);
        }
    }

    private async Task<Scrip> FindAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Scrips() : db.Scrips().AsNoTracking();
        return await query.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Refuse.NotFound($"There is no scrip #{id}.");
    }
}
