using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Admin;

/// <summary>
/// Guards tickets against losing their status: a queue may only use a lifecycle that has every
/// status its tickets are in.
/// </summary>
internal static class LifecycleUse
{
    public static async Task RequireStatusesAsync(NocDbContext db, int queueId, string queueName, Lifecycle lifecycle, string field, CancellationToken ct)
    {
        var inUse = await db.Tickets.AsNoTracking().Where(t => t.QueueId == queueId)
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var missing = inUse.Where(s => !lifecycle.IsValid(s.Status)).OrderBy(s => s.Status).ToList();
        if (missing.Count == 0) return;
        var list = string.Join(", ", missing.Select(m => $"{m.Count} in '{m.Status}'"));
        throw Refuse.Invalid(
            $"Tickets of queue '{queueName}' are in statuses lifecycle '{lifecycle.Name}' does not have ({list}); move them first.", field);
    }
}
