using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Tickets;

internal static class PendingDependencies
{
    /// <summary>
    /// The tickets this one depends on that are not yet in an inactive status of their own queue's
    /// lifecycle: what "pending N other tickets" counts.
    /// </summary>
    public static async Task<List<int>> ForAsync(NocDbContext db, int ticketId, CancellationToken ct)
    {
        var targets = await db.Links.Where(l => l.BaseId == ticketId && l.Type == LinkType.DependsOn && l.TargetId != null)
            .Join(db.Tickets, l => l.TargetId, t => t.Id, (l, t) => new { t.Id, t.Status, t.QueueId })
            .ToListAsync(ct);
        if (targets.Count == 0) return [];
        var queueIds = targets.Select(t => t.QueueId).Distinct().ToList();
        var lifecycles = await db.Queues.AsNoTracking().Where(q => queueIds.Contains(q.Id)).Include(q => q.Lifecycle)
            .ToDictionaryAsync(q => q.Id, q => q.Lifecycle, ct);
        return targets.Where(t => !lifecycles[t.QueueId].IsInactive(t.Status)).Select(t => t.Id).Order().ToList();
    }
}
