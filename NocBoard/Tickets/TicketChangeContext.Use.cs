using Microsoft.EntityFrameworkCore;

namespace NocBoard.Tickets;

internal static class TicketChangeContextExtensions
{
    /// <summary>Makes <paramref name="ticket"/> the subject of the change, with its queue and lifecycle.</summary>
    /// <param name="queue">The ticket's queue with its lifecycle, when a group of writes read it ahead in this context.</param>
    public static async Task UseTicketAsync(this TicketChangeContext ctx, Ticket ticket, Queues.Queue? queue, CancellationToken ct)
    {
        ctx.Ticket = ticket;
        ctx.Queue = queue is not null && queue.Id == ticket.QueueId
            ? queue
            : await ctx.Db.Queues.Include(q => q.Lifecycle).SingleAsync(q => q.Id == ticket.QueueId, ct);
    }
}
