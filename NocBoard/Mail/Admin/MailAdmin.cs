using System.Text.RegularExpressions;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Data;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Polling;
using NocBoard.Mail.Quarantine;
using NocBoard.Mail.Rules;
using NocBoard.Mail.Threading;

namespace NocBoard.Mail.Admin;

/// <summary>
/// Administration of mail: the quarantine, mailboxes and rules. Every call needs SuperUser (mail
/// settings hold passwords and decide who can create tickets), checked here, not in the pages.
/// </summary>
public sealed class MailAdmin(
    NocDbContext db,
    AdminWriter writer,
    AdminRights rights,
    MailboxPasswords passwords,
    MailIntake intake,
    QuarantineStore quarantine,
    ThreadFinder threads,
    IOptions<InboundMailOptions> inbound)
{
    private Task RequireAsync(Actor actor, string doing, CancellationToken ct) =>
        rights.RequireAsync(actor, Right.SuperUser, doing, ct);

    // ---- quarantine ----

    public Task<AdminResult<IReadOnlyList<QuarantineSummary>>> QuarantineAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<QuarantineSummary>>(async () =>
        {
            await RequireAsync(actor, "see quarantined mail", ct);
            return await db.Set<QuarantinedMail>().AsNoTracking().OrderByDescending(q => q.Id).Take(500)
                .Select(q => new QuarantineSummary(q.Id, q.Received, q.Via, q.From, q.Subject, q.Reason, q.Released, q.ReleasedTicketId))
                .ToListAsync(ct);
        });

    public Task<AdminResult<QuarantinedMail>> QuarantinedAsync(Actor actor, long id, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await RequireAsync(actor, "see quarantined mail", ct);
            return await db.Set<QuarantinedMail>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct)
                   ?? throw Refuse.NotFound($"There is no quarantined message #{id}.");
        });

    /// <summary>Takes the message in again (rules that quarantine are not applied to a release); the answer says what became of it.</summary>
    public async Task<AdminResult<MailIntakeResult>> ReleaseAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var entry = await QuarantinedAsync(actor, id, ct);
        if (!entry.Succeeded) return AdminResult<MailIntakeResult>.Refused(entry.Error!);
        var mail = entry.Value!;
        if (mail.Released is not null)
            return AdminResult<MailIntakeResult>.Refused(new AdminError(AdminErrorKind.Invalid, $"Message #{id} was released already (ticket #{mail.ReleasedTicketId})."));
        await quarantine.ForgetReceiptAsync(id, ct);
        var result = await intake.TakeAsync(new MailIntakeRequest(mail.Raw, mail.Via, mail.QueueName, mail.Action, Releasing: id), ct);
        return AdminResult<MailIntakeResult>.Ok(result);
    }

    public Task<AdminResult> DeleteQuarantinedAsync(Actor actor, long id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "delete quarantined mail", ct);
            var row = await db.Set<QuarantinedMail>().SingleOrDefaultAsync(q => q.Id == id, ct)
                      ?? throw Refuse.NotFound($"There is no quarantined message #{id}.");
            // The receipt stays (pointing nowhere), so the same message arriving again is not recorded again.
            db.Remove(row);
        }, ct);

    // ---- mailboxes ----

    public Task<AdminResult<IReadOnlyList<Mailbox>>> MailboxesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<Mailbox>>(async () =>
        {
            await RequireAsync(actor, "see mailboxes", ct);
            return await db.Set<Mailbox>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        });

    /// <summary>Adds (id null) or changes a mailbox. An empty password keeps the stored one.</summary>
    public Task<AdminResult<int>> SaveMailboxAsync(Actor actor, int? id, MailboxForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "configure mailboxes", ct);
            var name = AdminInput.Name(form.Name, "A mailbox", "Name", 200);
            var host = AdminInput.Name(form.Host, "A mailbox", "Host", 255);
            var user = AdminInput.Name(form.UserName, "A mailbox", "UserName", 255);
            if (form.Port is < 1 or > 65535) throw Refuse.Invalid($"Port must be between 1 and 65535, not {form.Port}.", "Port");
            var action = MailActions.Parse(form.Action) ?? throw Refuse.Invalid("Action must be correspond or comment.", "Action");
            var queue = AdminInput.Name(form.QueueName, "A mailbox", "QueueName", 200);
            if (!await db.Queues.AnyAsync(q => q.Name == queue, ct)) throw Refuse.Invalid($"There is no queue '{queue}'.", "QueueName");
            if (await db.Set<Mailbox>().AnyAsync(m => m.Name == name && m.Id != id, ct))
                throw Refuse.Invalid($"There is a mailbox named '{name}' already.", "Name");

            Mailbox mailbox;
            if (id is { } existing)
                mailbox = await db.Set<Mailbox>().SingleOrDefaultAsync(m => m.Id == existing, ct) ?? throw Refuse.NotFound($"There is no mailbox #{existing}.");
            else
            {
                if (string.IsNullOrEmpty(form.Password)) throw Refuse.Invalid("A new mailbox needs a password.", "Password");
                mailbox = new Mailbox { Name = name, Host = host, UserName = user, QueueName = queue };
                db.Add(mailbox);
            }
            mailbox.Name = name;
            mailbox.Protocol = form.Protocol;
            mailbox.Host = host;
            mailbox.Port = form.Port;
            mailbox.Security = form.Security;
            mailbox.UserName = user;
            if (!string.IsNullOrEmpty(form.Password)) mailbox.ProtectedPassword = passwords.Protect(form.Password);
            mailbox.Folder = string.IsNullOrWhiteSpace(form.Folder) ? "INBOX" : form.Folder.Trim();
            mailbox.MoveToFolder = string.IsNullOrWhiteSpace(form.MoveToFolder) ? null : form.MoveToFolder.Trim();
            mailbox.QueueName = queue;
            mailbox.Action = action;
            mailbox.Enabled = form.Enabled;
            await db.SaveChangesAsync(ct);
            return mailbox.Id;
        }, ct);

    public Task<AdminResult> DeleteMailboxAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "configure mailboxes", ct);
            var row = await db.Set<Mailbox>().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw Refuse.NotFound($"There is no mailbox #{id}.");
            db.Remove(row);
        }, ct);

    // ---- rules ----

    public Task<AdminResult<IReadOnlyList<MailRule>>> RulesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<MailRule>>(async () =>
        {
            await RequireAsync(actor, "see mail rules", ct);
            return await db.Set<MailRule>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        });

    /// <summary>Adds (id null, at the end) or changes a rule. The pattern must compile.</summary>
    public Task<AdminResult<int>> SaveRuleAsync(Actor actor, int? id, MailRuleForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "change mail rules", ct);
            var name = AdminInput.Name(form.Name, "A rule", "Name", 200);
            var pattern = form.Pattern ?? "";
            if (pattern.Length == 0) throw Refuse.Invalid("A rule needs a pattern.", "Pattern");
            try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException bad) { throw Refuse.Invalid($"The pattern is not a valid regular expression: {bad.Message}", "Pattern"); }
            if (form.Field == MailRuleField.Header && string.IsNullOrWhiteSpace(form.HeaderName))
                throw Refuse.Invalid("A rule on a header needs the header's name.", "HeaderName");
            switch (form.Action)
            {
                case MailRuleAction.SetQueue when !await db.Queues.AnyAsync(q => q.Name == (form.Value ?? "").Trim(), ct):
                    throw Refuse.Invalid($"There is no queue '{form.Value}'.", "Value");
                case MailRuleAction.SetPriority when !int.TryParse(form.Value, out _):
                    throw Refuse.Invalid($"Priority must be a whole number, not '{form.Value}'.", "Value");
                case MailRuleAction.SetOwner when !await db.Users.AnyAsync(u => u.NormalizedUserName == (form.Value ?? "").Trim().ToUpperInvariant() && u.Privileged, ct):
                    throw Refuse.Invalid($"There is no staff user '{form.Value}'.", "Value");
                case MailRuleAction.SetCustomField when string.IsNullOrWhiteSpace(form.CustomFieldName):
                    throw Refuse.Invalid("Name the custom field to set.", "CustomFieldName");
            }

            MailRule rule;
            if (id is { } existing)
                rule = await db.Set<MailRule>().SingleOrDefaultAsync(r => r.Id == existing, ct) ?? throw Refuse.NotFound($"There is no rule #{existing}.");
            else
            {
                var last = await db.Set<MailRule>().MaxAsync(r => (int?)r.Position, ct) ?? 0;
                rule = new MailRule { Name = name, Pattern = pattern, Position = last + 10 };
                db.Add(rule);
            }
            rule.Name = name;
            rule.Enabled = form.Enabled;
            rule.Field = form.Field;
            rule.HeaderName = form.Field == MailRuleField.Header ? form.HeaderName?.Trim() : null;
            rule.Pattern = pattern;
            rule.Action = form.Action;
            rule.Value = form.Value?.Trim();
            rule.CustomFieldName = form.Action == MailRuleAction.SetCustomField ? form.CustomFieldName?.Trim() : null;
            await db.SaveChangesAsync(ct);
            return rule.Id;
        }, ct);

    public Task<AdminResult> MoveRuleAsync(Actor actor, int id, int by, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "change mail rules", ct);
            var rules = await db.Set<MailRule>().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
            var index = rules.FindIndex(r => r.Id == id);
            if (index < 0) throw Refuse.NotFound($"There is no rule #{id}.");
            var target = Math.Clamp(index + by, 0, rules.Count - 1);
            var rule = rules[index];
            rules.RemoveAt(index);
            rules.Insert(target, rule);
            for (var i = 0; i < rules.Count; i++) rules[i].Position = (i + 1) * 10;
        }, ct);

    public Task<AdminResult> DeleteRuleAsync(Actor actor, int id, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, "change mail rules", ct);
            var row = await db.Set<MailRule>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw Refuse.NotFound($"There is no rule #{id}.");
            db.Remove(row);
        }, ct);

    /// <summary>"Test a message": which rules match a pasted message and what NocBoard would do with it. Writes nothing.</summary>
    public Task<AdminResult<RulePreview>> PreviewAsync(Actor actor, string rawMessage, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await RequireAsync(actor, "test mail rules", ct);
            MimeMessage message;
            try
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(rawMessage.Replace("\r\n", "\n").Replace("\n", "\r\n")));
                message = await MimeMessage.LoadAsync(stream, ct);
            }
            catch (FormatException bad)
            {
                throw Refuse.Invalid($"That is not a mail message: {bad.Message}", "Message");
            }
            var rules = await db.Set<MailRule>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
            var outcome = MailRuleEngine.Evaluate(rules, message, inbound.Value.RuleMatchTimeout);
            var thread = await threads.FindAsync(message, ct);
            return new RulePreview(outcome, Describe(outcome, thread, message));
        });

    private static IReadOnlyList<string> Describe(RuleOutcome outcome, ThreadMatch? thread, MimeMessage message)
    {
        var lines = new List<string>();
        lines.Add(outcome.Matched.Count == 0
            ? "No rule matches."
            : "Matching rules, in order: " + string.Join(", ", outcome.Matched.Select(r => $"'{r.Name}'")) + ".");
        lines.AddRange(outcome.Notes);
        if (outcome.Drop is { } drop) { lines.Add($"The message would be dropped (rule '{drop.Name}'); its receipt is kept."); return lines; }
        if (outcome.Quarantine is { } held) { lines.Add($"The message would be quarantined (rule '{held.Name}')."); return lines; }
        if (SenderAccounts.SenderOf(message) is null) { lines.Add("The message has no sender address: it would be quarantined."); return lines; }
        lines.Add(thread is not null
            ? $"It would be added to ticket #{thread.TicketId} (found by {thread.How})."
            : $"It would create a ticket in queue '{outcome.Queue ?? "the mailbox's or gateway's queue"}'.");
        if (thread is null)
        {
            if (outcome.Priority is { } p) lines.Add($"Priority {p}.");
            if (outcome.Owner is { } o) lines.Add($"Owner {o}.");
            foreach (var (field, value) in outcome.CustomFields) lines.Add($"Custom field {field} = {value}.");
        }
        if (MachineMail.Why(message) is { } why) lines.Add($"No automatic reply would be sent: {why}.");
        return lines;
    }
}

public sealed record QuarantineSummary(long Id, DateTimeOffset Received, string Via, string? From, string? Subject, string Reason,
    DateTimeOffset? Released, int? ReleasedTicketId);

public sealed record RulePreview(RuleOutcome Outcome, IReadOnlyList<string> Lines);

public sealed class MailboxForm
{
    public string? Name { get; set; }
    public MailboxProtocol Protocol { get; set; } = MailboxProtocol.Imap;
    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Folder { get; set; } = "INBOX";
    public string? MoveToFolder { get; set; }
    public string? QueueName { get; set; } = NocBoard.Queues.Queue.DefaultName;
    public string Action { get; set; } = MailActions.Correspond;
    public bool Enabled { get; set; } = true;
}

public sealed class MailRuleForm
{
    public string? Name { get; set; }
    public bool Enabled { get; set; } = true;
    public MailRuleField Field { get; set; } = MailRuleField.Subject;
    public string? HeaderName { get; set; }
    public string? Pattern { get; set; }
    public MailRuleAction Action { get; set; } = MailRuleAction.SetQueue;
    public string? Value { get; set; }
    public string? CustomFieldName { get; set; }
}
