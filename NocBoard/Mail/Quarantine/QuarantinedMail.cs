namespace NocBoard.Mail.Quarantine;

/// <summary>
/// A message that could not become a ticket change (no rights, malformed, a rule said so), kept
/// whole with the reason so that an administrator can read it, release it or delete it. Mail is
/// never silently dropped.
/// </summary>
public class QuarantinedMail
{
    public long Id { get; set; }
    public DateTimeOffset Received { get; set; }
    public required string Via { get; set; }
    public string? QueueName { get; set; }
    public required string Action { get; set; }
    public required string Reason { get; set; }
    public string? MessageId { get; set; }
    public string? From { get; set; }
    public string? Subject { get; set; }
    public required byte[] Raw { get; set; }

    /// <summary>Set when an administrator released it and it became (part of) this ticket.</summary>
    public DateTimeOffset? Released { get; set; }
    public int? ReleasedTicketId { get; set; }
}
