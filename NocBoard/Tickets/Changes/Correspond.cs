using NocBoard.Accounts.Rights;
using NocBoard.Queues;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// A reply to the requestors (RT's Correspond). When staff first reply to a ticket in an initial
/// status, it moves to the lifecycle's working status (new → open).
/// </summary>
public sealed record Correspond(TicketMessage Message) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ReplyToTicket, "reply", ct);
        var ticket = ctx.Ticket;
        ctx.Record(TransactionType.Correspond, timeTaken: Message.TimeTaken, attachments: Message.ToAttachments(ctx.Options));
        ticket.TimeWorked += Message.TimeTaken;

        if (!ctx.Actor.Privileged) return;
        ticket.Told = ctx.Now;
        if (ctx.Lifecycle.OnStaffCorrespond is { } next
            && ctx.Lifecycle.GroupOf(ticket.Status) == StatusGroup.Initial
            && ctx.Lifecycle.TransitionFor(ticket.Status, next) is not null)
        {
            SetStatus.Apply(ctx, ticket, ctx.Lifecycle, next);
        }
    }
}

/// <summary>An internal note, seen only by those with ShowTicketComments.</summary>
public sealed record Comment(TicketMessage Message) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.CommentOnTicket, "comment", ct);
        ctx.Record(TransactionType.Comment, timeTaken: Message.TimeTaken, attachments: Message.ToAttachments(ctx.Options));
        ctx.Ticket.TimeWorked += Message.TimeTaken;
    }
}

/// <summary>Records time spent without a message (RT's TimeWorked transaction). Negative minutes correct an earlier entry.</summary>
public sealed record AddTimeWorked(int Minutes) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyTicket, "record time worked", ct);
        if (Minutes == 0) throw TicketChangeContext.Invalid("Time worked must be a non-zero number of minutes.");
        var ticket = ctx.Ticket;
        var total = ticket.TimeWorked + Minutes;
        if (total < 0)
            throw TicketChangeContext.Invalid($"That would make the time worked negative ({ticket.TimeWorked} + {Minutes} minutes).");
        ctx.Record(TransactionType.TimeWorked, "TimeWorked", ticket.TimeWorked.ToString(), total.ToString(), timeTaken: Minutes);
        ticket.TimeWorked = total;
    }
}
