namespace NocBoard.Mail.Inbound;

/// <summary>
/// That a message was taken in, and what became of it. Written in the same commit as the ticket
/// change (or quarantine entry) the message caused, so a message read again after a crash
/// (a mailbox not yet marked, an MTA retrying) is recognised and not recorded twice.
/// </summary>
public class MailReceipt
{
    public long Id { get; set; }

    /// <summary>Message-ID (or "" when the message had none) and a hash of its content: the de-duplication key.</summary>
    public required string MessageId { get; set; }
    public required string ContentHash { get; set; }

    public required string Via { get; set; }
    public MailOutcome Outcome { get; set; }
    public int? TicketId { get; set; }
    public long? QuarantineId { get; set; }
    public DateTimeOffset Received { get; set; }

    /// <summary>
    /// The message's mail commands not applied yet ("Name: Value" lines), written in the message's
    /// own commit; each leaves in the commit that applies it (or records its refusal), so a crash
    /// in between neither loses one nor applies one twice: reading the message again, or the next
    /// start, resumes them.
    /// </summary>
    public string? PendingCommands { get; set; }

    /// <summary>Commands refused or malformed, waiting for their error mail ("command: reason" lines).</summary>
    public string? CommandErrors { get; set; }

    public bool HasUnfinishedCommands => !string.IsNullOrEmpty(PendingCommands) || !string.IsNullOrEmpty(CommandErrors);
}

public enum MailOutcome { Ticket, Intercepted, Quarantined, Dropped }
