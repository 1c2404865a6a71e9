using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Data;
using NocBoard.Monitoring.Mail;

namespace NocBoard.Monitoring.Admin;

/// <summary>
/// Administration of monitoring: sources (token, queue, recovery, reopen window), mail rules,
/// mappings, and the rejected alerts. All of it needs SuperUser: a source's token lets a caller
/// open and resolve tickets as the monitoring user.
/// </summary>
public sealed class MonitoringAdmin(NocDbContext db, AdminWriter writer, AdminRights rights)
{
    private const string Doing = "administer monitoring";

    public Task<AdminResult<List<AlertSource>>> SourcesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            return await db.Set<AlertSource>().AsNoTracking().Include(s => s.Mappings).OrderBy(s => s.Name).ToListAsync(ct);
        });

    public Task<AdminResult<List<MailAlertRule>>> RulesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            return await db.Set<MailAlertRule>().AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        });

    public Task<AdminResult<List<RejectedAlert>>> RejectedAsync(Actor actor, int take = 200, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            return await db.Set<RejectedAlert>().AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
        });

    /// <summary>Creates a source; its name is what the generic webhook's "source" and mail rules use.</summary>
    public Task<AdminResult<int>> CreateSourceAsync(Actor actor, string name, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            var clean = (name ?? "").Trim().ToLowerInvariant();
            if (!System.Text.RegularExpressions.Regex.IsMatch(clean, "^[a-z0-9][a-z0-9._-]{0,99}$"))
                throw Refuse.Invalid("A source name is 1–100 lower-case letters, digits, '.', '_' or '-'.", "Name");
            if (await db.Set<AlertSource>().AnyAsync(s => s.Name == clean, ct))
                throw Refuse.Invalid($"There is already a source '{clean}'.", "Name");
            var source = new AlertSource { Name = clean };
            db.Add(source);
            await db.SaveChangesAsync(ct);
            return source.Id;
        }, ct);

    public Task<AdminResult> SaveSourceAsync(Actor actor, int id, string queueName, RecoveryAction onRecovery, int reopenWindowMinutes,
        bool disabled, CancellationToken ct = default) =>
        SaveSourceAsync(actor, id, new SourceSettings(queueName, onRecovery, reopenWindowMinutes, disabled), ct);

    /// <summary>A source's settings as the Sources tab edits them; flap detection keeps its current values unless given.</summary>
    public sealed record SourceSettings(string QueueName, RecoveryAction OnRecovery, int ReopenWindowMinutes, bool Disabled,
        int? FlapChanges = null, int? FlapWindowMinutes = null);

    public Task<AdminResult> SaveSourceAsync(Actor actor, int id, SourceSettings settings, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            var source = await db.Set<AlertSource>().SingleOrDefaultAsync(s => s.Id == id, ct)
                         ?? throw Refuse.NotFound($"There is no alert source #{id}.");
            var queueName = settings.QueueName ?? "";
            if (!await db.Queues.AnyAsync(q => q.Name == queueName.Trim() && !q.Disabled, ct))
                throw Refuse.Invalid($"There is no enabled queue '{queueName}'.", "QueueName");
            if (settings.ReopenWindowMinutes is < 0 or > 60 * 24 * 30)
                throw Refuse.Invalid("The reopen window is 0 to 43200 minutes (30 days).", "ReopenWindowMinutes");
            if (settings.FlapChanges is < 0 or > 50 || settings.FlapChanges == 1)
                throw Refuse.Invalid("Flap detection counts 2 to 50 state changes (0 turns it off).", "FlapChanges");
            if (settings.FlapWindowMinutes is < 1 or > 60 * 24)
                throw Refuse.Invalid("The flap window is 1 to 1440 minutes (a day).", "FlapWindowMinutes");
            source.QueueName = queueName.Trim();
            source.OnRecovery = settings.OnRecovery;
            source.ReopenWindowMinutes = settings.ReopenWindowMinutes;
            source.Disabled = settings.Disabled;
            if (settings.FlapChanges is { } changes) source.FlapChanges = changes;
            if (settings.FlapWindowMinutes is { } window) source.FlapWindowMinutes = window;
        }, ct);

    /// <summary>Gives the source a new webhook token and returns it; it is shown once, only its hash is kept.</summary>
    public Task<AdminResult<string>> NewTokenAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            var source = await db.Set<AlertSource>().SingleOrDefaultAsync(s => s.Id == id, ct)
                         ?? throw Refuse.NotFound($"There is no alert source #{id}.");
            var token = AlertSource.NewToken();
            source.TokenHash = AlertSource.HashToken(token);
            return token;
        }, ct);

    public Task<AdminResult<int>> SaveRuleAsync(Actor actor, MailAlertRule input, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            if (string.IsNullOrWhiteSpace(input.Name)) throw Refuse.Invalid("A rule needs a name.", "Name");
            if (string.IsNullOrWhiteSpace(input.SubjectPattern)) throw Refuse.Invalid("A rule needs a subject pattern.", "SubjectPattern");
            if (string.IsNullOrWhiteSpace(input.KeyTemplate)) throw Refuse.Invalid("A rule needs a key template, e.g. {host}/{service}.", "KeyTemplate");
            if (!await db.Set<AlertSource>().AnyAsync(s => s.Name == input.SourceName, ct))
                throw Refuse.Invalid($"There is no alert source '{input.SourceName}'.", "SourceName");
            if (MailAlertRecognizer.Validate(input) is { } problem) throw Refuse.Invalid(problem, "Patterns");
            var rule = input.Id == 0 ? null : await db.Set<MailAlertRule>().SingleOrDefaultAsync(r => r.Id == input.Id, ct);
            if (input.Id != 0 && rule is null) throw Refuse.NotFound($"There is no mail rule #{input.Id}.");
            if (rule is null) db.Add(rule = new MailAlertRule { SourceName = "", Name = "", SubjectPattern = "", KeyTemplate = "", StateMap = "" });
            rule.SourceName = input.SourceName;
            rule.Name = input.Name.Trim();
            rule.Order = input.Order;
            rule.Enabled = input.Enabled;
            rule.SubjectPattern = input.SubjectPattern;
            rule.BodyPatterns = input.BodyPatterns ?? "";
            rule.KeyTemplate = input.KeyTemplate.Trim();
            rule.SummaryTemplate = input.SummaryTemplate ?? "";
            rule.StateMap = input.StateMap ?? "";
            await db.SaveChangesAsync(ct);
            return rule.Id;
        }, ct);

    public Task<AdminResult> DeleteRuleAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            var rule = await db.Set<MailAlertRule>().SingleOrDefaultAsync(r => r.Id == id, ct)
                       ?? throw Refuse.NotFound($"There is no mail rule #{id}.");
            db.Remove(rule);
        }, ct);

    public Task<AdminResult<int>> SaveMappingAsync(Actor actor, AlertMapping input, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            if (!await db.Set<AlertSource>().AnyAsync(s => s.Id == input.SourceId, ct))
                throw Refuse.NotFound($"There is no alert source #{input.SourceId}.");
            if (input.Field is null || (input.Field.Trim().ToLowerInvariant() is not ("severity" or "host" or "service" or "key" or "summary")
                                        && !input.Field.Trim().StartsWith("label.", StringComparison.OrdinalIgnoreCase)))
                throw Refuse.Invalid("The field is severity, host, service, key, summary or label.NAME.", "Field");
            try { _ = new System.Text.RegularExpressions.Regex(input.Pattern ?? ""); }
            catch (ArgumentException e) { throw Refuse.Invalid($"The pattern is not a valid regular expression: {e.Message}", "Pattern"); }
            if (input.Target == MappingTarget.Priority && !int.TryParse(input.Value, out _))
                throw Refuse.Invalid("A priority mapping's value is a number.", "Value");
            if (input.Target == MappingTarget.CustomField && string.IsNullOrWhiteSpace(input.CustomFieldName))
                throw Refuse.Invalid("A custom field mapping names the custom field.", "CustomFieldName");
            if (string.IsNullOrWhiteSpace(input.Value)) throw Refuse.Invalid("A mapping needs a value.", "Value");
            var mapping = input.Id == 0 ? null : await db.Set<AlertMapping>().SingleOrDefaultAsync(m => m.Id == input.Id, ct);
            if (input.Id != 0 && mapping is null) throw Refuse.NotFound($"There is no mapping #{input.Id}.");
            if (mapping is null) db.Add(mapping = new AlertMapping { Field = "", Value = "", SourceId = input.SourceId });
            mapping.Order = input.Order;
            mapping.Field = input.Field.Trim();
            mapping.Pattern = input.Pattern ?? "";
            mapping.Target = input.Target;
            mapping.CustomFieldName = input.Target == MappingTarget.CustomField ? input.CustomFieldName?.Trim() : null;
            mapping.Value = input.Value.Trim();
            await db.SaveChangesAsync(ct);
            return mapping.Id;
        }, ct);

    public Task<AdminResult> DeleteMappingAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, Doing, ct);
            var mapping = await db.Set<AlertMapping>().SingleOrDefaultAsync(m => m.Id == id, ct)
                          ?? throw Refuse.NotFound($"There is no mapping #{id}.");
            db.Remove(mapping);
        }, ct);
}
