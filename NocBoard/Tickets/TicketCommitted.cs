namespace NocBoard.Tickets;

/// <summary>
/// What the <see cref="TicketFeed"/> carries after a commit: the ticket as it now is (enough for a
/// card on a board) and the transactions just recorded on it. Immutable, so every subscriber can
/// hold it.
/// </summary>
public sealed record TicketCommitted(
    int TicketId,
    int EffectiveId,
    int QueueId,
    string Subject,
    string Status,
    int? OwnerId,
    int Priority,
    DateTimeOffset Created,
    DateTimeOffset? Due,
    DateTimeOffset LastUpdated,
    int Version,
    IReadOnlyList<CommittedTransaction> Transactions)
{
    /// <summary>
    /// When the database transaction committed (LastUpdated is stamped earlier, when the change
    /// began). Screens and the hub use it to tell how stale what they show is.
    /// </summary>
    public DateTimeOffset Committed { get; init; }

    /// <summary>The queue the ticket left in this commit, when it moved; boards showing that queue drop the card.</summary>
    public int? PreviousQueueId =>
        Transactions.LastOrDefault(t => t.Type == TransactionType.Set && t.Field == "Queue") is { OldValue: { } old }
            && int.TryParse(old, out var id) ? id : null;

    public static TicketCommitted From(Ticket ticket, IEnumerable<TicketTransaction> transactions) => new(
        ticket.Id, ticket.EffectiveId, ticket.QueueId, ticket.Subject, ticket.Status, ticket.OwnerId, ticket.Priority,
        ticket.Created, ticket.Due, ticket.LastUpdated, ticket.Version,
        transactions.Select(t => new CommittedTransaction(t.Id, t.Type, t.Field, t.OldValue, t.NewValue, t.ActorId, t.Created)).ToList());
}

public sealed record CommittedTransaction(
    long Id, TransactionType Type, string? Field, string? OldValue, string? NewValue, int ActorId, DateTimeOffset Created);
