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
    private readonly KeptCopy<Snapshot> kept = new(generations, typeof(Queue), typeof(Lifecycle));

    private sealed record Snapshot(IReadOnlyList<Queue> All, IReadOnlyDictionary<int, Queue> ById);

    /// <summary>Every queue, disabled ones too, by id.</summary>
    public async Task<IReadOnlyList<Queue>> AllAsync(NocDbContext db, CancellationToken ct) => (await CurrentAsync(db, ct)).All;

    public async Task<Queue?> ByIdAsync(NocDbContext db, int queueId, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).ById.GetValueOrDefault(queueId);

    private Task<Snapshot> CurrentAsync(NocDbContext db, CancellationToken ct) => kept.GetAsync(async () =>
    {
        var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).OrderBy(q => q.Id).ToListAsync(ct);
        return new Snapshot(queues, queues.ToDictionary(q => q.Id));
    });
}
