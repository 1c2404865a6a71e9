using NocBoard.Operations.Jobs;

namespace NocBoard.Mail.Polling;

/// <summary>Polls every enabled mailbox, one after another; one failing mailbox does not stop the others.</summary>
public sealed class MailPollJob(MailboxDirectory mailboxes, MailboxPoller poller, ILogger<MailPollJob> logger) : IScheduledJob
{
    public string Id => "mail-poll";
    public string Description => "Reads new mail from the IMAP and POP3 mailboxes and turns it into tickets.";
    public string DefaultSchedule => "* * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var mailbox in await mailboxes.EnabledAsync(ct))
        {
            var result = await poller.PollAsync(mailbox, ct);
            if (result.Taken + result.Duplicates + result.Quarantined > 0)
                logger.LogInformation("Polled {Mailbox}: {Taken} taken, {Quarantined} quarantined, {Duplicates} already known.",
                    mailbox, result.Taken, result.Quarantined, result.Duplicates);
        }
    }
}
