using NocBoard.Outbox;

namespace NocBoard.Tickets;

/// <summary>
/// Tells the rest of the application about a write once its commit is on disk: live screens
/// through the <see cref="TicketFeed"/>, the outbox dispatcher when side effects wait for it.
/// </summary>
public sealed class TicketAnnouncer(TicketFeed feed, OutboxSignal outboxSignal, TimeProvider clock)
{
    internal void Announce(TicketWriteOutcome outcome)
    {
        if (outcome.QueuedSideEffects) outboxSignal.Pulse();
        if (outcome.Changes.Count == 0) return;
        var committed = clock.GetUtcNow();
        foreach (var change in outcome.Changes)
            feed.Publish(change with { Committed = committed });
    }
}
