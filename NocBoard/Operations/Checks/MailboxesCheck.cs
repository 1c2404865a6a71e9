using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Options;
using NocBoard.Mail.Polling;

namespace NocBoard.Operations.Checks;

/// <summary>
/// Every enabled mailbox NocBoard polls (admin UI and Mail:Polling:Mailboxes) answers and takes its
/// login, and an IMAP mailbox's folder exists. Reads nothing and marks nothing.
/// </summary>
public sealed class MailboxesCheck(MailboxDirectory directory, IOptions<MailPollingOptions> options) : ISystemCheck
{
    public string Name => "mailboxes";

    public async Task<CheckResult> RunAsync(CancellationToken ct)
    {
        IReadOnlyList<PolledMailbox> mailboxes;
        var note = "";
        try
        {
            mailboxes = await directory.EnabledAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database check reports that failure; the configured mailboxes can still be tried.
            mailboxes = options.Value.Mailboxes.Where(m => m.Enabled && !string.IsNullOrWhiteSpace(m.Host))
                .Select(m => new PolledMailbox(null, string.IsNullOrWhiteSpace(m.Name) ? $"{m.UserName}@{m.Host}" : m.Name, m.Protocol,
                    m.Host, m.Port, m.Security, m.UserName, m.Password, m.Folder, m.MoveToFolder, m.Queue, m.Action))
                .ToList();
            note = "; those of the admin UI not checked: the database cannot be read";
        }
        if (mailboxes.Count == 0) return CheckResult.Pass("none to poll" + note);

        var problems = new List<string>();
        foreach (var mailbox in mailboxes)
        {
            try
            {
                await ProbeAsync(mailbox, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problems.Add($"{mailbox}: {e.Message}");
            }
        }
        return problems.Count == 0
            ? CheckResult.Pass($"{mailboxes.Count} answer and accept their login ({string.Join(", ", mailboxes.Select(m => m.Via))}){note}")
            : CheckResult.Fail(string.Join("; ", problems) + note);
    }

    private async Task ProbeAsync(PolledMailbox mailbox, CancellationToken ct)
    {
        var timeout = (int)options.Value.Timeout.TotalMilliseconds;
        if (mailbox.Protocol == MailboxProtocol.Pop3)
        {
            using var pop = new Pop3Client { Timeout = timeout };
            await pop.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, ct);
            await pop.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
            await pop.DisconnectAsync(quit: true, ct);
            return;
        }
        using var imap = new ImapClient { Timeout = timeout };
        await imap.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, ct);
        await imap.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
        if (!string.IsNullOrWhiteSpace(mailbox.Folder) && !mailbox.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase))
            await imap.GetFolderAsync(mailbox.Folder, ct);
        if (!string.IsNullOrWhiteSpace(mailbox.MoveToFolder))
            await imap.GetFolderAsync(mailbox.MoveToFolder, ct);
        await imap.DisconnectAsync(quit: true, ct);
    }
}
