using Microsoft.EntityFrameworkCore;
using NocBoard.Tickets;

namespace NocBoard.Automation.Due;

/// <summary>
/// Records that the ticket's due date has passed, once per due date: On Due Passed scrips fire on
/// it. Refused (and so nothing recorded) when the ticket is no longer overdue or already marked.
/// </summary>
public sealed record MarkDuePassed : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var ticket = ctx.Ticket;
        if (ticket.Due is not { } due || due > ctx.Now || ctx.Lifecycle.IsInactive(ticket.Status))
            throw TicketChangeContext.Refuse(TicketErrorKind.Conflict, $"Ticket #{ticket.Id} is not overdue.");
        var text = Text(due);
        if (await ctx.Db.Transactions.AnyAsync(t => t.TicketId == ticket.Id && t.Type == TransactionType.DuePassed && t.NewValue == text, ct))
            throw TicketChangeContext.Refuse(TicketErrorKind.Conflict, $"Ticket #{ticket.Id} is already marked overdue for {text}.");
        ctx.Record(TransactionType.DuePassed, "Due", null, text);
    }

    public static string Text(DateTimeOffset due) => due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
