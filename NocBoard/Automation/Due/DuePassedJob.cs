using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Due;

/// <summary>Finds active tickets whose due date has just passed and records it once on each (On Due Passed scrips fire on that).</summary>
public sealed class DuePassedJob(NocDbContext db, TicketService tickets, ActorLookup actors, TimeProvider clock) : IScheduledJob
{
    public string Id => "due-passed";
    public string Description => "Marks tickets that have become overdue, once per due date, for On Due Passed scrips.";
    public string DefaultSchedule => "*/5 * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        var overdue = await db.Tickets.AsNoTracking()
            .Where(t => t.EffectiveId == t.Id && t.Due != null && t.Due <= now)
            .Where(active)
            .Select(t => new { t.Id, t.Due })
            .ToListAsync(ct);
        if (overdue.Count == 0) return;
        var ids = overdue.Select(t => t.Id).ToList();
        var marked = (await db.Transactions.AsNoTracking()
                .Where(x => x.Type == TransactionType.DuePassed && ids.Contains(x.TicketId))
                .Select(x => new { x.TicketId, x.NewValue }).ToListAsync(ct))
            .Select(x => (x.TicketId, x.NewValue)).ToHashSet();
        var system = await actors.SystemAsync(ct);
        foreach (var t in overdue.Where(t => !marked.Contains((t.Id, MarkDuePassed.Text(t.Due!.Value)))))
            await tickets.ApplyAsync(t.Id, new MarkDuePassed(), system, ct: ct); // a refusal means someone changed it meanwhile
    }
}
