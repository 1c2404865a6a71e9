using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Queues;

/// <summary>
/// "Active" and "inactive" depend on each queue's lifecycle, so a filter for them is
/// (queue in A and status in A's active statuses) or (queue in B and ...), evaluated by the database.
/// </summary>
public static class StatusGroupFilter
{
    /// <summary>Tickets in an active (initial or active) status, or in an inactive one, of their queue's lifecycle.</summary>
    public static async Task<Expression<Func<Ticket, bool>>> ForAsync(NocDbContext db, bool active, CancellationToken ct = default)
    {
        var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).ToListAsync(ct);
        return InGroups(queues, active ? [StatusGroup.Initial, StatusGroup.Active] : [StatusGroup.Inactive]);
    }

    /// <summary>
    /// Tickets whose status is in the groups of their own queue's lifecycle: one IN list when every
    /// queue agrees, else (queue in A and status in X) OR (queue in B and status in Y) ...
    /// </summary>
    public static Expression<Func<Ticket, bool>> InGroups(IReadOnlyList<Queue> queues, StatusGroup[] groups)
    {
        var bySet = queues
            .Select(q => (q.Id, Statuses: q.Lifecycle.Statuses.Where(s => groups.Contains(s.Group)).Select(s => s.Name).Order().ToList()))
            .GroupBy(q => string.Join("\n", q.Statuses))
            .Select(g => (QueueIds: g.Select(q => q.Id).ToList(), g.First().Statuses))
            .ToList();
        if (bySet.Count == 0) return TicketPredicates.None;
        if (bySet.Count == 1)
        {
            var statuses = bySet[0].Statuses;
            return t => statuses.Contains(t.Status);
        }
        return bySet
            .Select(set => (Expression<Func<Ticket, bool>>)(t => set.QueueIds.Contains(t.QueueId) && set.Statuses.Contains(t.Status)))
            .Aggregate(TicketPredicates.Or);
    }
}
