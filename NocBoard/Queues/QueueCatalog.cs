using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Queues;

/// <summary>
/// Every queue with its lifecycle, read once and kept until a commit adds or changes a queue or a
/// lifecycle: mail intake, scrips and notifications ask for a queue's name, addresses or lifecycle
/// many times per ticket, and queues change rarely. The kept queues are shared between requests
/// and must only be read (never attached to a context or changed); a write loads its own.
/// </summary>
public sealed class QueueCatalog(ChangeGenerations generations)
{
    private static readonly Type[] Sources = [typeof(Queue), typeof(Lifecycle)];

    private volatile Snapshot? snapshot;

    private sealed record Snapshot(long Generation, IReadOnlyList<Queue> All, IReadOnlyDictionary<int, Queue> ById);

    /// <summary>Every queue, disabled ones too, by id.</summary>
    public async Task<IReadOnlyList<Queue>> AllAsync(NocDbContext db, CancellationToken ct) => (await CurrentAsync(db, ct)).All;

    public async Task<Queue?> ByIdAsync(NocDbContext db, int queueId, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).ById.GetValueOrDefault(queueId);

    private async Task<Snapshot> CurrentAsync(NocDbContext db, CancellationToken ct)
    {
        var generation = generations.Of(countAdded: true, Sources);
        if (snapshot is { } kept && kept.Generation == generation) return kept;
        var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).OrderBy(q => q.Id).ToListAsync(ct);
        var read = new Snapshot(generation, queues, queues.ToDictionary(q => q.Id));
        snapshot = read;
        return read;
    }
}
