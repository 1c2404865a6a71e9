namespace NocBoard.Mail.Threading;

/// <summary>
/// A Message-ID NocBoard sent or received about a ticket. A reply whose In-Reply-To or References
/// names one of these finds its ticket even when the subject tag was cut off.
/// </summary>
public class MailMessageRef
{
    public long Id { get; set; }

    /// <summary>The Message-ID without angle brackets, as MimeKit gives it.</summary>
    public required string MessageId { get; set; }

    public int TicketId { get; set; }

    public MailDirection Direction { get; set; }

    public DateTimeOffset Recorded { get; set; }
}

public enum MailDirection { Received, Sent }
