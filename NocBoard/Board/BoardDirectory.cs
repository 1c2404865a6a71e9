using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Search;

namespace NocBoard.Board;

/// <summary>
/// Saved boards: personal ones for their owner, shared ones for every agent. Sharing (and changing
/// a shared board) needs AdminQueue globally, as a board on the wall is part of how the NOC works.
/// </summary>
public sealed class BoardDirectory(NocDbContext db, RightsService rights, TicketSearch search, QueueDirectory queues, TimeProvider clock)
{
    public Task<List<BoardDefinition>> VisibleAsync(Actor actor, CancellationToken ct = default) =>
        db.Boards.AsNoTracking().Where(b => b.OwnerId == null || b.OwnerId == actor.Id).OrderBy(b => b.Name).ToListAsync(ct);

    public Task<BoardDefinition?> GetAsync(int id, Actor actor, CancellationToken ct = default) =>
        db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && (b.OwnerId == null || b.OwnerId == actor.Id), ct);

    /// <summary>Creates (Id 0) or updates a board; throws <see cref="ArgumentException"/>, <see cref="TicketSqlException"/> or <see cref="UnauthorizedAccessException"/> with the reason.</summary>
    public async Task<BoardDefinition> SaveAsync(BoardDefinition board, bool shared, Actor actor, CancellationToken ct = default)
    {
        actor.RequireNotWallDisplay("save boards");
        var name = board.Name?.Trim() ?? "";
        if (name.Length == 0) throw new ArgumentException("A board needs a name.");
        await search.ValidateAsync(board.Query, null, actor, ct);
        var known = (await queues.VisibleAsync(actor, ct)).SelectMany(q => q.Lifecycle.Statuses.Select(s => s.Name)).ToHashSet();
        var unknown = board.Columns.FirstOrDefault(c => !known.Contains(c));
        if (unknown is not null)
            throw new ArgumentException($"'{unknown}' is not a status of any lifecycle you can see; columns are statuses such as {string.Join(", ", known.Take(6))}.");
        if (board.WipLimits.FirstOrDefault(l => l.Value < 1) is { Key: not null } bad)
            throw new ArgumentException($"The WIP limit of '{bad.Key}' must be at least 1, not {bad.Value}.");

        var mayShare = (await rights.SubjectAsync(actor.Id, ct)).Has(Right.AdminQueue, null);
        var existing = board.Id == 0 ? null : await db.Boards.SingleOrDefaultAsync(b => b.Id == board.Id, ct)
            ?? throw new ArgumentException($"There is no board #{board.Id}.");
        if ((shared || existing is { OwnerId: null }) && !mayShare)
            throw new UnauthorizedAccessException("Shared boards need the AdminQueue right; save it as your own board instead.");
        if (existing is { OwnerId: { } owner } && owner != actor.Id)
            throw new UnauthorizedAccessException("This is someone else's board.");

        var target = existing ?? new BoardDefinition { Name = name, CreatorId = actor.Id, Created = clock.GetUtcNow() };
        target.Name = name;
        target.Query = board.Query?.Trim() ?? "";
        target.Columns = board.Columns.ToList();
        target.Swimlanes = board.Swimlanes;
        target.WipLimits = new Dictionary<string, int>(board.WipLimits);
        target.OwnerId = shared ? null : actor.Id;
        if (existing is null) db.Boards.Add(target);
        await db.SaveChangesAsync(ct);
        return target;
    }
}
