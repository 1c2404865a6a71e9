using System.Text.Json;
using Microsoft.Extensions.Options;
using NocBoard.Outbox;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>What the scrip runner is asked to do after a commit.</summary>
public sealed record ScripWork(int TicketId, IReadOnlyList<long> TransactionIds, IReadOnlyList<int> Chain);

/// <summary>
/// Inside every ticket write: queues "run the scrips for these transactions" in the same commit,
/// so scrips run after the change is durable and are never lost. Writes that cannot fire a scrip
/// (no scrip of the queue has a condition that can hold for these transactions, and no service
/// level to apply) queue nothing: an alert repeat costs no scrip run.
/// </summary>
public sealed class ScripContributor(ScripTriggers triggers, IOptions<AutomationOptions> options, ILogger<ScripContributor> logger) : IOutboxContributor
{
    public const string Kind = "automation.scrips";

    public async Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var chain = ScripChain.Current;
        foreach (var group in ctx.Recorded.Where(t => t.Type != TransactionType.ScripError).GroupBy(t => t.TicketId))
        {
            var ticket = ctx.Touched.FirstOrDefault(t => t.Id == group.Key);
            if (ticket is null) continue;
            if (!await triggers.CanFireAsync(ctx.Db, ticket.QueueId, group.ToList(), ct)) continue;
            if (chain.Depth >= options.Value.MaxScripDepth)
            {
                logger.LogWarning("Ticket #{Ticket}: scrips were not run for a change made {Depth} scrips deep (Automation:MaxScripDepth); the chain was {Chain}.",
                    ticket.Id, chain.Depth, string.Join(" → ", chain.ScripIds.Select(id => $"#{id}")));
                continue;
            }
            var ids = group.Select(t => t.Id).ToList();
            ctx.Enqueue(Kind, JsonSerializer.Serialize(new ScripWork(ticket.Id, ids, chain.ScripIds)),
                $"scrips:txn:{ids[0]}", group.First());
        }
    }
}
