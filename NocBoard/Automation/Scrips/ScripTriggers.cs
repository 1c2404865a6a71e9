using Microsoft.EntityFrameworkCore;
using NocBoard.Automation.Due;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Whether a change could fire a scrip or set a due date: asked in every ticket write, so the
/// enabled scrips' conditions and the queues with a service level are kept in memory until a
/// commit changes a scrip or a service level.
/// </summary>
public sealed class ScripTriggers(ChangeGenerations generations)
{
    private static readonly Type[] Sources = [typeof(Scrip), typeof(QueueSla)];

    private volatile Snapshot? snapshot;

    private sealed record Snapshot(long Generation, IReadOnlyList<(int? QueueId, ScripCondition Condition)> Conditions, IReadOnlySet<int> QueuesWithDueIn);

    /// <param name="transactions">One ticket's transactions in this change.</param>
    public async Task<bool> CanFireAsync(NocDbContext db, int queueId, IReadOnlyCollection<TicketTransaction> transactions, CancellationToken ct)
    {
        var now = await CurrentAsync(db, ct);
        var created = transactions.Any(t => t.Type == TransactionType.Create);
        return (created && now.QueuesWithDueIn.Contains(queueId))
               || now.Conditions.Any(c => (c.QueueId is null || c.QueueId == queueId)
                                          && transactions.Any(t => ScripConditions.CanMatch(c.Condition, t.Type, t.Field)));
    }

    private async Task<Snapshot> CurrentAsync(NocDbContext db, CancellationToken ct)
    {
        var generation = generations.Of(countAdded: true, Sources);
        if (snapshot is { } kept && kept.Generation == generation) return kept;
        var conditions = await db.Scrips().AsNoTracking().Where(s => !s.Disabled)
            .Select(s => new { s.QueueId, s.Condition }).Distinct().ToListAsync(ct);
        var withDueIn = await db.QueueSlas().AsNoTracking().Where(s => s.DueInHours != null).Select(s => s.QueueId).ToListAsync(ct);
        var read = new Snapshot(generation, conditions.Select(c => (c.QueueId, c.Condition)).ToList(), withDueIn.ToHashSet());
        snapshot = read;
        return read;
    }
}
