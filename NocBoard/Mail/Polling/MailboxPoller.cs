using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Mail.Inbound;

namespace NocBoard.Mail.Polling;

/// <summary>
/// Reads new mail from one mailbox and takes each message in. A message is marked on the server
/// (seen, moved, or deleted for POP3) only after its ticket change or quarantine entry committed;
/// if NocBoard stops in between, the message is read again next time and its receipt says it was
/// already taken in, so it is marked then and not recorded twice.
/// </summary>
public sealed class MailboxPoller(
    MailIntake intake,
    NocDbContext db,
    WriteGate gate,
    TimeProvider clock,
    IOptionsMonitor<MailPollingOptions> options,
    ILogger<MailboxPoller> logger)
{
    public async Task<MailboxPollResult> PollAsync(PolledMailbox mailbox, CancellationToken ct)
    {
        var result = new MailboxPollResult();
        string? error = null;
        try
        {
            if (mailbox.Protocol == MailboxProtocol.Pop3) await PollPop3Async(mailbox, result, ct);
            else await PollImapAsync(mailbox, result, ct);
        }
        catch (Exception failed) when (failed is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = failed.Message;
            logger.LogWarning("Polling {Mailbox} failed after {Taken} message(s): {Error}", mailbox, result.Taken, failed.Message);
        }
        await RecordAsync(mailbox, error, ct);
        result.Error = error;
        return result;
    }

    private async Task PollImapAsync(PolledMailbox mailbox, MailboxPollResult result, CancellationToken ct)
    {
        using var client = new ImapClient { Timeout = (int)options.CurrentValue.Timeout.TotalMilliseconds };
        await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, ct);
        await client.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
        var folder = string.IsNullOrWhiteSpace(mailbox.Folder) || mailbox.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        IMailFolder? moveTo = string.IsNullOrWhiteSpace(mailbox.MoveToFolder) ? null : await client.GetFolderAsync(mailbox.MoveToFolder, ct);

        var uids = await folder.SearchAsync(moveTo is null ? SearchQuery.NotSeen : SearchQuery.All, ct);
        foreach (var uid in uids.Take(options.CurrentValue.BatchSize))
        {
            using var stream = new MemoryStream();
            var message = await folder.GetMessageAsync(uid, ct);
            await message.WriteToAsync(FormatOptions.Default, stream, ct);
            var taken = await intake.TakeAsync(new MailIntakeRequest(stream.ToArray(), mailbox.Via, mailbox.QueueName, mailbox.Action), ct);
            result.Count(taken);
            // Committed (or known from before): only now may the server forget it.
            if (moveTo is not null) await folder.MoveToAsync(uid, moveTo, ct);
            else await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task PollPop3Async(PolledMailbox mailbox, MailboxPollResult result, CancellationToken ct)
    {
        using var client = new Pop3Client { Timeout = (int)options.CurrentValue.Timeout.TotalMilliseconds };
        await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, ct);
        await client.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
        var count = Math.Min(client.Count, options.CurrentValue.BatchSize);
        for (var i = 0; i < count; i++)
        {
            using var stream = new MemoryStream();
            var message = await client.GetMessageAsync(i, ct);
            await message.WriteToAsync(FormatOptions.Default, stream, ct);
            var taken = await intake.TakeAsync(new MailIntakeRequest(stream.ToArray(), mailbox.Via, mailbox.QueueName, mailbox.Action), ct);
            result.Count(taken);
            await client.DeleteMessageAsync(i, ct);
        }
        // POP3 deletes happen at QUIT: a connection lost before it leaves every message on the
        // server, and the receipts make the next reading a no-op.
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task RecordAsync(PolledMailbox mailbox, string? error, CancellationToken ct)
    {
        if (mailbox.Id is not { } id) return;
        await using var _ = await gate.EnterAsync(ct);
        var now = clock.GetUtcNow();
        await db.Set<Mailbox>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastPolled, now)
            .SetProperty(m => m.LastError, error == null ? null : error.Length > 2000 ? error.Substring(0, 2000) : error), ct);
    }
}

public sealed class MailboxPollResult
{
    public int Taken { get; private set; }
    public int Duplicates { get; private set; }
    public int Quarantined { get; private set; }
    public string? Error { get; set; }

    internal void Count(MailIntakeResult result)
    {
        if (result.Duplicate) Duplicates++;
        else if (result.Outcome == MailOutcome.Quarantined) Quarantined++;
        else Taken++;
    }
}
