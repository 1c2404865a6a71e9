using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>Moves a ticket to another queue: ModifyTicket where it is, CreateTicket where it goes (as RT).</summary>
public sealed record SetQueue(int QueueId) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var ticket = ctx.Ticket;
        if (ticket.QueueId == QueueId) return;
        await ctx.RequireAsync(Right.ModifyTicket, "move it to another queue", ct);

        var target = await ctx.Db.Queues.Include(q => q.Lifecycle).SingleOrDefaultAsync(q => q.Id == QueueId, ct);
        if (target is null || target.Disabled)
            throw TicketChangeContext.Invalid($"There is no queue #{QueueId}.");
        var rights = await ctx.Rights.SubjectAsync(ctx.Actor.Id, ct);
        if (!rights.Has(Right.CreateTicket, target.Id))
            throw TicketChangeContext.Refuse(TicketErrorKind.Forbidden,
                $"You may not move tickets into queue '{target.Name}': it needs the CreateTicket right there.");
        if (!target.Lifecycle.IsValid(ticket.Status))
            throw TicketChangeContext.Invalid(
                $"Queue '{target.Name}' uses lifecycle '{target.Lifecycle.Name}', which has no status '{ticket.Status}'; change the status first.");

        var old = ticket.QueueId;
        ticket.QueueId = target.Id;
        ctx.Queue = target;
        ctx.Record(TransactionType.Set, "Queue", old.ToString(), target.Id.ToString());
    }
}
