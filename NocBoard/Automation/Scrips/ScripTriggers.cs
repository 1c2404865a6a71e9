using Microsoft.EntityFrameworkCore;
using NocBoard.Automation.Due;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Whether a change could fire a scrip or set a due date: asked in every ticket write, so the
/// enabled scrips and the queues with a service level are kept in memory until a commit changes a
/// scrip or a service level. The scrip runner takes its scrips from here too; the kept scrips
/// are shared and only read.
/// </summary>
public sealed class ScripTriggers(ChangeGenerations generations)
{
    private readonly KeptCopy<Snapshot> kept = new(generations, typeof(Scrip), typeof(QueueSla));

    private sealed record Snapshot(IReadOnlyList<Scrip> Enabled,
        IReadOnlyList<(int? QueueId, ScripCondition Condition)> Conditions, IReadOnlySet<int> QueuesWithDueIn);

    /// <summary>The enabled scrips in the order they run (SortOrder, then id).</summary>
    public async Task<IReadOnlyList<Scrip>> EnabledAsync(NocDbContext db, CancellationToken ct) => (await CurrentAsync(db, ct)).Enabled;

    /// <summary>Whether the queue's service level gives new tickets a due date.</summary>
    public async Task<bool> SetsDueAsync(NocDbContext db, int queueId, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).QueuesWithDueIn.Contains(queueId);

    /// <param name="transactions">One ticket's transactions in this change.</param>
    public async Task<bool> CanFireAsync(NocDbContext db, int queueId, IReadOnlyCollection<TicketTransaction> transactions, CancellationToken ct)
    {
        var now = await CurrentAsync(db, ct);
        var created = transactions.Any(t => t.Type == TransactionType.Create);
        return (created && now.QueuesWithDueIn.Contains(queueId))
               || now.Conditions.Any(c => (c.QueueId is null || c.QueueId == queueId)
                                          && transactions.Any(t => ScripConditions.CanMatch(c.Condition, t.Type, t.Field)));
    }

    private Task<Snapshot> CurrentAsync(NocDbContext db, CancellationToken ct) => kept.GetAsync(async () =>
    {
        var enabled = await db.Scrips().AsNoTracking().Where(s => !s.Disabled)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var withDueIn = await db.QueueSlas().AsNoTracking().Where(s => s.DueInHours != null).Select(s => s.QueueId).ToListAsync(ct);
        var conditions = enabled.Select(s => (s.QueueId, s.Condition)).Distinct().ToList();
        return new Snapshot(enabled, conditions, withDueIn.ToHashSet());
    });
}
