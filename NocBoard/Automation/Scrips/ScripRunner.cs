using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Automation.Due;
using NocBoard.Data;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Runs the scrips for a committed change: for each of its transactions, every enabled scrip of
/// the ticket's queue and the global ones, in order. Each action is its own write, as the system
/// account; a scrip that fails is recorded on the ticket's history and the others still run. A
/// scrip that already ran for a transaction is skipped, so a retried message does nothing twice.
/// </summary>
public sealed class ScripRunner(IServiceScopeFactory scopes, ILogger<ScripRunner> logger) : IOutboxHandler
{
    public string Kind => ScripContributor.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var work = JsonSerializer.Deserialize<ScripWork>(message.Payload)
                   ?? throw new InvalidOperationException("The outbox payload holds no scrip work.");
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NocDbContext>();
        var system = await sp.GetRequiredService<ActorLookup>().SystemAsync(ct);
        var chain = new ScripChain(work.Chain);

        var transactions = await db.Transactions.AsNoTracking().Where(t => work.TransactionIds.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
        var ticket = await LoadAsync(db, work.TicketId, ct);
        if (ticket is null) return;
        var triggers = sp.GetRequiredService<ScripTriggers>();
        // Only a queue whose service level sets due dates needs the due date looked at.
        if (transactions.Any(t => t.Type == TransactionType.Create) && await triggers.SetsDueAsync(db, ticket.QueueId, ct))
        {
            await sp.GetRequiredService<DueDates>().ApplyOnCreateAsync(work.TicketId, system, ct);
            ticket = await LoadAsync(db, work.TicketId, ct);
            if (ticket is null) return;
        }

        var scrips = await triggers.EnabledAsync(db, ct);
        var ran = (await db.ScripRuns().AsNoTracking().Where(r => work.TransactionIds.Contains(r.TransactionId))
            .Select(r => new { r.ScripId, r.TransactionId }).ToListAsync(ct))
            .Select(r => (r.ScripId, r.TransactionId)).ToHashSet();
        var queues = sp.GetRequiredService<QueueCatalog>();
        var queue = await QueueAsync(queues, db, ticket.QueueId, ct);

        foreach (var transaction in transactions)
        foreach (var scrip in scrips)
        {
            // A scrip of another queue may apply once an earlier scrip moved the ticket.
            if (scrip.QueueId is { } queueId && queueId != ticket.QueueId) continue;
            if (ran.Contains((scrip.Id, transaction.Id))) continue;
            if (chain.Contains(scrip.Id))
            {
                logger.LogWarning("Ticket #{Ticket}: scrip #{Scrip} was not run again for a change it led to itself (a loop: {Chain}).",
                    ticket.Id, scrip.Id, string.Join(" → ", chain.ScripIds.Select(id => $"#{id}")));
                continue;
            }
            // Mail and webhook actions leave the ticket as it was; anything else may have changed it.
            if (await RunOneAsync(sp, scrip, ticket, queue, transaction, system, chain, ct) != Outcome.ChangedTicket) continue;
            // Each scrip sees the ticket as the scrips before it left it.
            ticket = await LoadAsync(db, work.TicketId, ct);
            if (ticket is null) return;
            if (ticket.QueueId != queue.Id) queue = await QueueAsync(queues, db, ticket.QueueId, ct);
        }
    }

    private enum Outcome { NotRun, LeftTicket, ChangedTicket }

    /// <summary>Runs the scrip if its condition holds; says whether the ticket may have changed (a failure is recorded on it).</summary>
    private async Task<Outcome> RunOneAsync(IServiceProvider sp, Scrip scrip, Ticket ticket, Queue queue, TicketTransaction transaction, Actor system,
        ScripChain chain, CancellationToken ct)
    {
        try
        {
            var db = sp.GetRequiredService<NocDbContext>();
            // Only a user-defined condition reads names from the database.
            var values = scrip.Condition == ScripCondition.UserDefined ? await ExpressionValuesAsync(db, ticket, queue, transaction, ct) : null;
            if (!ScripConditions.Matches(scrip.Condition, scrip.ConditionArgument, transaction, queue.Lifecycle, () => values!)) return Outcome.NotRun;
            using (ScripChain.Enter(chain.Then(scrip.Id)))
            {
                if (ScripMailActions.Handles(scrip.Action))
                {
                    await sp.GetRequiredService<ScripMailActions>().RunAsync(scrip, ticket, queue, transaction, ct);
                    return Outcome.LeftTicket;
                }
                await sp.GetRequiredService<ScripTicketActions>().RunAsync(scrip, ticket, queue, transaction, system, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Scrip #{Scrip} failed on ticket #{Ticket}, transaction #{Transaction}.", scrip.Id, ticket.Id, transaction.Id);
            sp.GetRequiredService<NocDbContext>().ChangeTracker.Clear();
            var recorded = await sp.GetRequiredService<TicketService>().ApplyAsync(ticket.Id,
                [new MarkScripRun(scrip.Id, transaction.Id), new RecordScripFailure(scrip.Id, scrip.Description, e.Message)], system, ct: ct);
            if (!recorded.Succeeded && recorded.Error!.Kind != TicketErrorKind.Conflict)
                logger.LogError("Could not record the failure of scrip #{Scrip} on ticket #{Ticket}: {Reason}", scrip.Id, ticket.Id, recorded.Error.Message);
        }
        return Outcome.ChangedTicket;
    }

    private static async Task<Queue> QueueAsync(QueueCatalog queues, NocDbContext db, int queueId, CancellationToken ct) =>
        await queues.ByIdAsync(db, queueId, ct) ?? throw new InvalidOperationException($"There is no queue #{queueId}.");

    private static Task<Ticket?> LoadAsync(NocDbContext db, int ticketId, CancellationToken ct) =>
        db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);

    private static async Task<IReadOnlyDictionary<string, string?>> ExpressionValuesAsync(NocDbContext db, Ticket ticket, Queue queue,
        TicketTransaction transaction, CancellationToken ct)
    {
        var actor = await db.Users.AsNoTracking().Where(u => u.Id == transaction.ActorId).Select(u => u.UserName).SingleOrDefaultAsync(ct);
        var owner = ticket.OwnerId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.UserName).SingleOrDefaultAsync(ct)
            : "Nobody";
        return new Dictionary<string, string?>
        {
            ["type"] = transaction.Type.ToString(),
            ["field"] = transaction.Field,
            ["old"] = transaction.OldValue,
            ["new"] = transaction.NewValue,
            ["actor"] = actor,
            ["ticket.subject"] = ticket.Subject,
            ["ticket.status"] = ticket.Status,
            ["ticket.queue"] = queue.Name,
            ["ticket.owner"] = owner,
            ["ticket.priority"] = ticket.Priority.ToString(),
            ["ticket.initialpriority"] = ticket.InitialPriority.ToString(),
            ["ticket.finalpriority"] = ticket.FinalPriority.ToString(),
        };
    }
}
