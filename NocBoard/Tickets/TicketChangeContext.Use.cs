using Microsoft.EntityFrameworkCore;

namespace NocBoard.Tickets;

internal static class TicketChangeContextExtensions
{
    /// <summary>Makes <paramref name="ticket"/> the subject of the change, with its queue and lifecycle.</summary>
    public static async Task UseTicketAsync(this TicketChangeContext ctx, Ticket ticket, CancellationToken ct)
    {
        ctx.Ticket = ticket;
        ctx.Queue = await ctx.Db.Queues.Include(q => q.Lifecycle).SingleAsync(q => q.Id == ticket.QueueId, ct);
    }
}
