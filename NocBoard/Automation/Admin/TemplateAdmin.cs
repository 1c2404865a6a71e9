using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Automation.Templates;
using NocBoard.Data;

namespace NocBoard.Automation.Admin;

public sealed record TemplateSummary(int Id, string Name, string? Queue, string? Description);

public sealed class TemplateForm
{
    public string Name { get; set; } = "";
    public int? QueueId { get; set; }
    public string? Description { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>
/// Creating and changing templates, with the same rights as scrips (AdminQueue globally for
/// global templates, on the queue for a queue's own). A template is checked as Liquid when saved,
/// so a broken one is refused with the parser's message instead of failing later in a scrip.
/// </summary>
public sealed class TemplateAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<IReadOnlyList<TemplateSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<TemplateSummary>>(async () =>
        {
            var queues = await rights.QueuesWithAsync(actor, Right.AdminQueue, ct);
            var global = await rights.HasAsync(actor, Right.AdminQueue, null, ct);
            if (queues.Count == 0 && !global)
                throw Refuse.Forbidden("You may not administer templates: that needs the AdminQueue right, globally or on a queue.");
            var names = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
            var templates = await db.Templates().AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.QueueId).ToListAsync(ct);
            return templates.Where(t => t.QueueId is { } q ? queues.Contains(q) : global)
                .Select(t => new TemplateSummary(t.Id, t.Name, t.QueueId is { } q ? names[q] : null, t.Description)).ToList();
        });

    public Task<AdminResult<TemplateForm>> GetAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var template = await FindAsync(id, ct);
            await RequireAsync(actor, template.QueueId, "administer this template", ct);
            return new TemplateForm
            {
                Name = template.Name, QueueId = template.QueueId, Description = template.Description,
                Subject = template.Subject, Body = template.Body,
            };
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, TemplateForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, form.QueueId, "create this template", ct);
            var template = new Template { Name = "", Subject = "", Body = "" };
            await ApplyAsync(template, form, null, ct);
            db.Templates().Add(template);
            await db.SaveChangesAsync(ct);
            return template.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int id, TemplateForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var template = await FindAsync(id, ct, tracked: true);
            await RequireAsync(actor, template.QueueId, "change this template", ct);
            if (form.QueueId != template.QueueId) await RequireAsync(actor, form.QueueId, "move this template there", ct);
            await ApplyAsync(template, form, id, ct);
        }, ct);

    private async Task ApplyAsync(Template template, TemplateForm form, int? id, CancellationToken ct)
    {
        var name = AdminInput.Name(form.Name, "A template");
        if (await db.Templates().AnyAsync(t => t.Name == name && t.QueueId == form.QueueId && t.Id != id, ct))
            throw Refuse.Invalid($"There is already a template '{name}' {(form.QueueId is null ? "that is global" : "for this queue")}.", "Name");
        if (string.IsNullOrWhiteSpace(form.Subject)) throw Refuse.Invalid("A template needs a subject line.", "Subject");
        if (TemplateRenderer.Check(form.Subject) is { } subjectError) throw Refuse.Invalid($"The subject is not valid Liquid: {subjectError}", "Subject");
        if (TemplateRenderer.Check(form.Body) is { } bodyError) throw Refuse.Invalid($"The body is not valid Liquid: {bodyError}", "Body");
        template.Name = name;
        template.QueueId = form.QueueId;
        template.Description = AdminInput.Optional(form.Description);
        template.Subject = form.Subject.Trim();
        template.Body = form.Body ?? "";
    }

    private async Task RequireAsync(Actor actor, int? queueId, string doing, CancellationToken ct)
    {
        if (queueId is { } qid)
        {
            var name = await db.Queues.AsNoTracking().Where(q => q.Id == qid).Select(q => q.Name).SingleOrDefaultAsync(ct)
                       ?? throw Refuse.Invalid($"There is no queue #{qid}.", "QueueId");
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, qid, name, doing, ct);
        }
        else await rights.RequireAsync(actor, Right.AdminQueue, $"{doing} (a global template)", ct);
    }

    private async Task<Template> FindAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Templates() : db.Templates().AsNoTracking();
        return await query.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw Refuse.NotFound($"There is no template #{id}.");
    }
}
