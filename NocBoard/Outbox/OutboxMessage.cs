namespace NocBoard.Outbox;

/// <summary>
/// A side effect (mail to send, webhook to call, scrips to run) written in the same database commit
/// as the ticket change that caused it, and carried out afterwards by <see cref="OutboxDispatcher"/>.
/// A crash between commit and delivery loses nothing; the idempotency key keeps it from being queued twice.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IOutboxHandler"/> carries it out, e.g. "mail.notify".</summary>
    public required string Kind { get; set; }

    /// <summary>JSON the handler understands.</summary>
    public required string Payload { get; set; }

    /// <summary>Unique: the same effect is never queued twice.</summary>
    public required string IdempotencyKey { get; set; }

    public int? TicketId { get; set; }
    public long? TransactionId { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>Not tried before this time (backoff after a failure).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>A dispatcher that claimed the message holds it until then; after that, another may.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? Processed { get; set; }

    /// <summary>Set when the handler gave up for good (too many attempts or no handler).</summary>
    public DateTimeOffset? Failed { get; set; }
}
