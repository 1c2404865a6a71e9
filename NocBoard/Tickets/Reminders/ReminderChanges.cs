using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets.Reminders;

/// <summary>Adds a reminder to the ticket, owned by the actor unless another owner is named.</summary>
public sealed record AddReminder(string Subject, DateTimeOffset? Due, int? OwnerId = null) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyTicket, "add reminders", ct);
        var subject = Subject?.Trim() ?? "";
        if (subject.Length == 0) throw TicketChangeContext.Invalid("A reminder needs a subject.");
        if (subject.Length > 500) throw TicketChangeContext.Invalid("A reminder's subject is limited to 500 characters.");
        var owner = OwnerId ?? ctx.Actor.Id;
        if (owner != ctx.Actor.Id) await ctx.LoadUserAsync(owner, ct);

        var reminder = new Reminder { TicketId = ctx.Ticket.Id, Subject = subject, OwnerId = owner, Due = Due?.ToUniversalTime(), Created = ctx.Now };
        ctx.Db.Reminders.Add(reminder);
        ctx.Record(TransactionType.AddReminder, "Reminder", null, subject);
    }
}

/// <summary>Marks a reminder done (or open again).</summary>
public sealed record CompleteReminder(long ReminderId, bool Done = true) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var reminder = await ctx.Db.Reminders.SingleOrDefaultAsync(r => r.Id == ReminderId && r.TicketId == ctx.Ticket.Id, ct)
            ?? throw TicketChangeContext.Invalid($"Ticket #{ctx.Ticket.Id} has no reminder #{ReminderId}.");
        if (reminder.OwnerId != ctx.Actor.Id)
            await ctx.RequireAsync(Right.ModifyTicket, "complete someone else's reminder", ct);
        if (reminder.IsOpen == !Done) return;
        reminder.Completed = Done ? ctx.Now : null;
        ctx.Record(TransactionType.ResolveReminder, "Reminder", Done ? "open" : "done", Done ? "done" : "open");
    }
}
