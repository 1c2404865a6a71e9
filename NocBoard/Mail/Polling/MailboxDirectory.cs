using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;

namespace NocBoard.Mail.Polling;

/// <summary>The mailboxes to poll: those in the admin UI (database) and those in Mail:Polling:Mailboxes.</summary>
public sealed class MailboxDirectory(NocDbContext db, MailboxPasswords passwords, IOptionsMonitor<MailPollingOptions> options)
{
    public async Task<IReadOnlyList<PolledMailbox>> EnabledAsync(CancellationToken ct)
    {
        var stored = await db.Set<Mailbox>().AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.Name).ToListAsync(ct);
        var list = stored.Select(m => new PolledMailbox(m.Id, m.Name, m.Protocol, m.Host, m.Port, m.Security, m.UserName,
            passwords.Unprotect(m.ProtectedPassword), m.Folder, m.MoveToFolder, m.QueueName, m.Action)).ToList();
        list.AddRange(options.CurrentValue.Mailboxes.Where(m => m.Enabled && !string.IsNullOrWhiteSpace(m.Host))
            .Select(m => new PolledMailbox(null, string.IsNullOrWhiteSpace(m.Name) ? $"{m.UserName}@{m.Host}" : m.Name,
                m.Protocol, m.Host, m.Port, m.Security, m.UserName, m.Password, m.Folder, m.MoveToFolder, m.Queue, m.Action)));
        return list;
    }
}

/// <summary>One mailbox as the poller uses it. The password is never logged (see <see cref="ToString"/>).</summary>
public sealed record PolledMailbox(int? Id, string Name, MailboxProtocol Protocol, string Host, int Port,
    MailKit.Security.SecureSocketOptions Security, string UserName, string Password, string Folder, string? MoveToFolder,
    string QueueName, string Action)
{
    public string Via => $"{Protocol.ToString().ToLowerInvariant()}:{Name}";

    public override string ToString() => $"{Via} ({UserName}@{Host}:{Port})";
}
