using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Automation.Escalation;

/// <summary>
/// Raises the priority of active tickets as they near their due date (<see cref="PriorityEscalation"/>),
/// each change a transaction by the system account, so boards and history show it. Tickets
/// without a due date escalate only in queues whose service level says so.
/// </summary>
public sealed class EscalationJob(NocDbContext db, TicketService tickets, ActorLookup actors, TimeProvider clock,
    ILogger<EscalationJob> logger) : IScheduledJob
{
    public string Id => "priority-escalation";
    public string Description => "Raises active tickets' priority from initial toward final as their due date nears.";
    public string DefaultSchedule => "*/15 * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        var withoutDue = await db.QueueSlas().AsNoTracking().Where(s => s.EscalateWithoutDueDays != null)
            .ToDictionaryAsync(s => s.QueueId, s => s.EscalateWithoutDueDays!.Value, ct);
        var withoutDueQueues = withoutDue.Keys.ToList();
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.EffectiveId == t.Id && t.InitialPriority != t.FinalPriority)
            .Where(active)
            .Where(t => t.Due != null || withoutDueQueues.Contains(t.QueueId))
            .Select(t => new { t.Id, t.QueueId, t.Priority, t.InitialPriority, t.FinalPriority, t.Created, t.Starts, t.Due })
            .ToListAsync(ct);
        var system = await actors.SystemAsync(ct);
        var raised = 0;
        foreach (var t in candidates)
        {
            var start = t.Starts ?? t.Created;
            var due = t.Due ?? t.Created.AddDays(withoutDue[t.QueueId]);
            if (PriorityEscalation.Target(t.Priority, t.InitialPriority, t.FinalPriority, start, due, now) is not { } target) continue;
            var result = await tickets.ApplyAsync(t.Id, new SetField(TicketField.Priority, target.ToString()), system, ct: ct);
            if (result.Succeeded) raised++;
            else logger.LogWarning("Could not escalate ticket #{Ticket}: {Reason}", t.Id, result.Error!.Message);
        }
        if (raised > 0) logger.LogInformation("Escalated the priority of {Count} ticket(s).", raised);
    }
}
