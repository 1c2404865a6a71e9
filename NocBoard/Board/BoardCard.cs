using NocBoard.Tickets;

namespace NocBoard.Board;

/// <summary>What a card shows. Built from a committed change too, so a move reaches screens without a database read.</summary>
public sealed record BoardCard(
    int Id, string Subject, int QueueId, string Status, int Priority, int? OwnerId, int Version,
    DateTimeOffset Created, DateTimeOffset? Due, bool Blocked, string? Requestor)
{
    public bool IsOverdue(DateTimeOffset now) => Due is { } due && due < now;

    /// <summary>The card after a committed change: the ticket's new fields, the rest (requestor, blocked) kept.</summary>
    public BoardCard With(TicketCommitted change) => this with
    {
        Subject = change.Subject, QueueId = change.QueueId, Status = change.Status, Priority = change.Priority,
        OwnerId = change.OwnerId, Version = change.Version, Due = change.Due,
    };

    public static BoardCard From(TicketCommitted change) => new(
        change.TicketId, change.Subject, change.QueueId, change.Status, change.Priority, change.OwnerId, change.Version,
        change.Created, change.Due, Blocked: false, Requestor: null);
}
