using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Board;

/// <summary>
/// Loads boards for a viewer (the tickets they may see that match the board) and moves cards
/// through the single write path, based on the version the viewer saw.
/// </summary>
public sealed class BoardService(NocDbContext db, TicketSearch search, TicketService tickets, QueueDirectory queues, SharedBoardCards shared)
{
    public const int MaxCards = 2000;

    /// <summary>The board every agent has: all tickets they may see, active statuses plus resolved.</summary>
    public static BoardDefinition Default => new() { Id = 0, Name = "All queues" };

    public async Task<BoardView> LoadAsync(BoardDefinition board, Actor viewer, CancellationToken ct = default)
    {
        var visibleQueues = await queues.VisibleAsync(viewer, ct);
        var columns = board.Columns.Count > 0 ? board.Columns : DefaultColumns(visibleQueues);
        var inactive = visibleQueues.SelectMany(q => q.Lifecycle.InGroup(StatusGroup.Inactive)).Distinct().ToList();

        var matching = (await search.QueryAsync(board.Query, viewer, ct)).Where(t => columns.Contains(t.Status));
        var cards = await matching
            .OrderByDescending(t => t.Priority).ThenBy(t => t.Id).Take(MaxCards)
            .Select(t => new BoardCard(t.Id, t.Subject, t.QueueId, t.Status, t.Priority, t.OwnerId, t.Version, t.Created, t.Due,
                db.Links.Any(l => l.BaseId == t.Id && l.Type == LinkType.DependsOn
                                  && db.Tickets.Any(d => d.Id == l.TargetId && !inactive.Contains(d.Status))),
                db.TicketWatchers.Where(w => w.TicketId == t.Id && w.Role == WatcherRole.Requestor)
                    .Select(w => w.Email ?? db.Users.Where(u => u.Id == w.UserId).Select(u => u.UserName).FirstOrDefault())
                    .FirstOrDefault()))
            .ToListAsync(ct);

        var ownerIds = cards.Select(c => c.OwnerId).OfType<int>().Distinct().ToList();
        return new BoardView
        {
            Definition = board,
            Columns = columns,
            Cards = shared.Share(cards),
            Queues = visibleQueues.ToDictionary(q => q.Id, q => q.Name),
            Owners = await OwnerNamesAsync(ownerIds, ct),
        };
    }

    public async Task<Dictionary<int, string>> OwnerNamesAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName ?? $"user #{u.Id}", ct);

    /// <summary>Whether a ticket belongs on this board for this viewer (they may see it and it matches the board's query).</summary>
    public async Task<bool> MatchesAsync(BoardDefinition board, int ticketId, Actor viewer, CancellationToken ct = default) =>
        await (await search.QueryAsync(board.Query, viewer, ct)).AnyAsync(t => t.Id == ticketId, ct);

    /// <summary>At most this many tickets are caught up one by one; past that the board is loaded again.</summary>
    public const int MaxCatchUp = 500;

    /// <summary>
    /// Tickets changed since <paramref name="since"/> (any queue; null when more than
    /// <see cref="MaxCatchUp"/>) and which of them belong on the board for this viewer (rights and
    /// the board's query), for a board shown from an earlier load: see <see cref="LiveBoard.CatchUpAsync"/>.
    /// </summary>
    public async Task<(List<TicketCommitted> Changed, HashSet<int> Matching)?> ChangedSinceAsync(
        BoardDefinition board, DateTimeOffset since, Actor viewer, CancellationToken ct = default)
    {
        var changed = await db.Tickets.AsNoTracking().Where(t => t.LastUpdated > since)
            .OrderBy(t => t.LastUpdated).Take(MaxCatchUp + 1).ToListAsync(ct);
        if (changed.Count > MaxCatchUp) return null;
        var ids = changed.Select(t => t.Id).ToList();
        var matching = ids.Count == 0 ? [] : (await (await search.QueryAsync(board.Query, viewer, ct))
            .Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return (changed.Select(t => TicketCommitted.From(t, [])).ToList(), matching);
    }

    /// <summary>Drags a card to another status column; refused (and the card goes back) when the move is not allowed or the ticket changed meanwhile.</summary>
    public Task<TicketChangeResult> MoveAsync(BoardCard card, string toStatus, Actor actor, CancellationToken ct = default) =>
        DropAsync(card, toStatus, Optional<int?>.None, actor, ct);

    /// <summary>
    /// A drop that may also change lanes: on an owner lane it gives the ticket to that owner (with
    /// the rights that needs), together with the status change, in one commit.
    /// </summary>
    public Task<TicketChangeResult> DropAsync(BoardCard card, string toStatus, Optional<int?> toOwner, Actor actor, CancellationToken ct = default)
    {
        var changes = new List<TicketChange>();
        if (toStatus != card.Status) changes.Add(new SetStatus(toStatus));
        if (toOwner.HasValue && toOwner.Value != card.OwnerId) changes.Add(new SetOwner(toOwner.Value));
        return tickets.ApplyAsync(card.Id, changes, actor, card.Version, ct);
    }

    private static List<string> DefaultColumns(IEnumerable<Queue> visible)
    {
        var lifecycles = visible.Select(q => q.Lifecycle).DistinctBy(l => l.Id).ToList();
        var columns = lifecycles.SelectMany(l => l.Statuses.Where(s => s.Group != StatusGroup.Inactive).Select(s => s.Name)).Distinct().ToList();
        if (lifecycles.Any(l => l.IsValid("resolved"))) columns.Add("resolved");
        return columns;
    }
}

/// <summary>A value that may be absent, where null is a value of its own (Nobody as owner).</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> None => default;
    public static Optional<T> Of(T value) => new(true, value);
}
