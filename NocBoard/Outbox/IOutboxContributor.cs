using NocBoard.Tickets;

namespace NocBoard.Outbox;

/// <summary>
/// A feature that reacts to ticket changes durably (notifications, scrips, federation) registers
/// one of these. It runs inside the write, after the change's transactions have their ids and
/// before commit, and queues its work with <see cref="TicketChangeContext.Enqueue"/>.
/// </summary>
public interface IOutboxContributor
{
    Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct);
}

/// <summary>Carries out outbox messages of one <see cref="Kind"/> after commit.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <summary>Throw to have the message retried later with backoff.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}
