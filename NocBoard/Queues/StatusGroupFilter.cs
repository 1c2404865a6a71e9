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
    public static async Task<Expression<Func<Ticket, bool>>> ForAsync(NocDbContext db, bool active, CancellationToken ct = default)
    {
        var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).ToListAsync(ct);
        Expression<Func<Ticket, bool>> filter = _ => false;
        foreach (var byLifecycle in queues.GroupBy(q => q.LifecycleId))
        {
            var lifecycle = byLifecycle.First().Lifecycle;
            var statuses = lifecycle.Statuses.Where(s => (s.Group != StatusGroup.Inactive) == active).Select(s => s.Name).ToList();
            var queueIds = byLifecycle.Select(q => q.Id).ToList();
            filter = filter.Or(t => queueIds.Contains(t.QueueId) && statuses.Contains(t.Status));
        }
        return filter;
    }
}
