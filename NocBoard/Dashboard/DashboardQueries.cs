using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.Tickets;

namespace NocBoard.Dashboard;

/// <summary>
/// The questions the at-a-glance page asks, each answered by the database over the tickets the
/// user may see (never a whole table in memory).
/// </summary>
public sealed class DashboardQueries(NocDbContext db, TicketReader reader, QueueDirectory queues, TicketSearch search, TimeProvider clock)
{
    public const int PortletSize = 10;

    public async Task<List<TicketRow>> HighestPriorityOwnedAsync(Actor actor, CancellationToken ct = default)
    {
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        return await Rows((await reader.QueryAsync(actor, ct)).Where(active).Where(t => t.OwnerId == actor.Id)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.Id), ct);
    }

    public async Task<List<TicketRow>> NewestUnownedAsync(Actor actor, CancellationToken ct = default)
    {
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        return await Rows((await reader.QueryAsync(actor, ct)).Where(active).Where(t => t.OwnerId == null)
            .OrderByDescending(t => t.Created).ThenByDescending(t => t.Id), ct);
    }

    /// <summary>Active tickets due in the next <paramref name="within"/>, overdue ones first.</summary>
    public async Task<List<TicketRow>> DueSoonAsync(Actor actor, TimeSpan within, CancellationToken ct = default)
    {
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        var until = clock.GetUtcNow() + within;
        return await Rows((await reader.QueryAsync(actor, ct)).Where(active).Where(t => t.Due != null && t.Due <= until)
            .OrderBy(t => t.Due), ct);
    }

    public async Task<List<ReminderRow>> MyRemindersAsync(Actor actor, CancellationToken ct = default)
    {
        var visible = await reader.QueryAsync(actor, ct);
        return await db.Reminders.AsNoTracking().Where(r => r.OwnerId == actor.Id && r.Completed == null)
            .Join(visible, r => r.TicketId, t => t.Id, (r, t) => new { r, t.Subject })
            .OrderBy(x => x.r.Due == null).ThenBy(x => x.r.Due).Take(PortletSize)
            .Select(x => new ReminderRow(x.r.Id, x.r.Subject, x.r.Due, x.r.TicketId, x.Subject))
            .ToListAsync(ct);
    }

    /// <summary>RT's "Quick search": per visible queue, how many tickets are in each initial and active status.</summary>
    public async Task<List<QueueCounts>> QueueStatusCountsAsync(Actor actor, CancellationToken ct = default)
    {
        var shown = await queues.VisibleAsync(actor, ct);
        var ids = shown.Select(q => q.Id).ToList();
        var counts = await (await reader.QueryAsync(actor, ct)).Where(t => ids.Contains(t.QueueId))
            .GroupBy(t => new { t.QueueId, t.Status }).Select(g => new { g.Key.QueueId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return shown.Select(q => new QueueCounts(q.Id, q.Name,
            q.Lifecycle.Statuses.Where(s => s.Group != StatusGroup.Inactive)
                .Select(s => new StatusCount(s.Name, counts.FirstOrDefault(c => c.QueueId == q.Id && c.Status == s.Name)?.Count ?? 0))
                .ToList())).ToList();
    }

    public async Task<List<ActivityRow>> RecentActivityAsync(Actor actor, CancellationToken ct = default)
    {
        var visible = await reader.QueryAsync(actor, ct);
        // Comments stay out of the feed: a quick glance should not need ShowTicketComments checks per row.
        // Alert repeats would bury everything else during a storm, and scrip failures are for the
        // queue's administrators only (the ticket's history shows both to those who may see them).
        return await db.Transactions.AsNoTracking()
            .Where(x => x.Type != TransactionType.Comment && x.Type != TransactionType.Alert && x.Type != TransactionType.ScripError)
            .Join(db.Tickets, x => x.TicketId, t => t.Id, (x, t) => new { x, t.EffectiveId })
            .Join(visible, a => a.EffectiveId, t => t.Id, (a, t) => new { a.x, t.Subject })
            .OrderByDescending(a => a.x.Id).Take(PortletSize)
            .Join(db.Users, a => a.x.ActorId, u => u.Id, (a, u) => new ActivityRow(a.x.TicketId, a.Subject, a.x.Type, a.x.Field, a.x.OldValue, a.x.NewValue, u.UserName ?? "", a.x.Created))
            .ToListAsync(ct);
    }

    /// <summary>The first rows of a saved search, in its order; throws <see cref="TicketSqlException"/> when it no longer runs.</summary>
    public async Task<List<TicketRow>> SavedSearchAsync(SavedSearch saved, Actor actor, CancellationToken ct = default) =>
        await Rows(TicketOrdering.Apply(await search.QueryAsync(saved.Query, actor, ct), TicketOrdering.Parse(saved.OrderBy), db), ct);

    /// <summary>The actor's bookmarked tickets they may still see, newest bookmark first.</summary>
    public async Task<List<TicketRow>> BookmarksAsync(Actor actor, CancellationToken ct = default)
    {
        var bookmarks = db.Bookmarks.Where(b => b.UserId == actor.Id);
        return await Rows((await reader.QueryAsync(actor, ct))
            .Join(bookmarks, t => t.Id, b => b.TicketId, (t, b) => new { t, b.Created })
            .OrderByDescending(x => x.Created).Select(x => x.t), ct);
    }

    private async Task<List<TicketRow>> Rows(IQueryable<Ticket> tickets, CancellationToken ct) =>
        await tickets.Take(PortletSize)
            .GroupJoin(db.Users, t => t.OwnerId, u => u.Id, (t, owners) => new { t, owners })
            .SelectMany(x => x.owners.DefaultIfEmpty(), (x, owner) => new TicketRow(
                x.t.Id, x.t.Subject, x.t.Status, x.t.Priority, x.t.QueueId, owner != null ? owner.UserName : null, x.t.Created, x.t.Due))
            .ToListAsync(ct);
}

public sealed record TicketRow(int Id, string Subject, string Status, int Priority, int QueueId, string? Owner, DateTimeOffset Created, DateTimeOffset? Due);
public sealed record ReminderRow(long Id, string Subject, DateTimeOffset? Due, int TicketId, string TicketSubject);
public sealed record QueueCounts(int QueueId, string Queue, IReadOnlyList<StatusCount> Statuses);
public sealed record StatusCount(string Status, int Count);
public sealed record ActivityRow(int TicketId, string Subject, TransactionType Type, string? Field, string? OldValue, string? NewValue, string Actor, DateTimeOffset Created);
