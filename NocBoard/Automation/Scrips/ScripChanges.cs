using Microsoft.EntityFrameworkCore;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Marks that a scrip ran for a transaction, in the same commit as the scrip's own change, so a
/// retried run finds it done instead of doing it twice.
/// </summary>
public sealed record MarkScripRun(int ScripId, long TransactionId) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        if (await ctx.Db.ScripRuns().AnyAsync(r => r.ScripId == ScripId && r.TransactionId == TransactionId, ct))
            throw TicketChangeContext.Refuse(TicketErrorKind.Conflict, $"Scrip #{ScripId} has already run for transaction #{TransactionId}.");
        ctx.Db.ScripRuns().Add(new ScripRun { ScripId = ScripId, TransactionId = TransactionId, Ran = ctx.Now });
    }
}

/// <summary>Records on the ticket that a scrip failed, for the queue's administrators to see.</summary>
public sealed record RecordScripFailure(int ScripId, string Description, string Reason) : TicketChange
{
    internal override Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var text = $"#{ScripId} {Description}: {Reason}";
        ctx.Record(TransactionType.ScripError, "Scrip", null, text.Length > 2000 ? text[..2000] : text);
        return Task.CompletedTask;
    }
}
