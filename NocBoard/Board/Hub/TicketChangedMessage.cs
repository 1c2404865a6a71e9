using NocBoard.Tickets;

namespace NocBoard.Board.Hub;

/// <summary>
/// What <see cref="BoardHub"/> clients receive as <c>TicketChanged</c> after a commit: the ticket as it
/// now is, enough to draw or move a card without asking the server again, and the kinds of
/// transactions just recorded (Create, Status, Set, Correspond, ...). <see cref="PreviousQueueId"/> is
/// set when the ticket left that queue in this commit; <see cref="Committed"/> is when it committed.
/// </summary>
public sealed record TicketChangedMessage(
    int TicketId,
    int EffectiveId,
    int QueueId,
    int? PreviousQueueId,
    string Subject,
    string Status,
    int? OwnerId,
    int Priority,
    DateTimeOffset? Due,
    int Version,
    DateTimeOffset LastUpdated,
    IReadOnlyList<string> TransactionTypes,
    DateTimeOffset Committed)
{
    public static TicketChangedMessage From(TicketCommitted change) => new(
        change.TicketId, change.EffectiveId, change.QueueId, change.PreviousQueueId, change.Subject, change.Status,
        change.OwnerId, change.Priority, change.Due, change.Version, change.LastUpdated,
        change.Transactions.Select(t => t.Type.ToString()).Distinct().ToList(), change.Committed);
}

/// <summary>
/// What a watcher of a queue receives as <c>TicketLeft</c> when a ticket moved from that queue to one
/// where the watcher may not see it: only that it is gone, nothing about where it went or what it is now.
/// </summary>
public sealed record TicketLeftMessage(int TicketId, int QueueId, int Version);
