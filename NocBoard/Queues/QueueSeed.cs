using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Queues;

/// <summary>The default lifecycle and the General queue every NocBoard starts with.</summary>
public sealed class QueueSeed(NocDbContext db)
{
    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        var lifecycle = await db.Lifecycles.SingleOrDefaultAsync(l => l.Name == Lifecycle.DefaultName, ct);
        if (lifecycle is null)
        {
            lifecycle = Lifecycle.CreateDefault();
            db.Lifecycles.Add(lifecycle);
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Queues.AnyAsync(ct))
        {
            db.Queues.Add(new Queue
            {
                Name = Queue.DefaultName,
                Description = "The default queue",
                LifecycleId = lifecycle.Id,
                InitialPriority = 0,
                FinalPriority = 0,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
