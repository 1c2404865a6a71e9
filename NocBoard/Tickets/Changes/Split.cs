using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// Splits one message off into a new ticket (OTRS's split): the new ticket starts with that
/// message, its requestors are this ticket's, and the two refer to each other. Needs the right to
/// see the message and CreateTicket in the new ticket's queue.
/// </summary>
public sealed record Split(long TransactionId, string? Subject = null, int? QueueId = null) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var source = ctx.Ticket;
        var sourceQueue = ctx.Queue;
        var history = await ctx.Db.Tickets.Where(t => t.EffectiveId == source.Id).Select(t => t.Id).ToListAsync(ct);
        var transaction = await ctx.Db.Transactions.Include(t => t.Attachments)
            .SingleOrDefaultAsync(t => t.Id == TransactionId && history.Contains(t.TicketId), ct);
        if (transaction is null || transaction.Attachments.Count == 0
            || transaction.Type is not (TransactionType.Create or TransactionType.Correspond or TransactionType.Comment))
            throw TicketChangeContext.Invalid($"Ticket #{source.Id} has no message #{TransactionId} to split off.");
        if (transaction.Type == TransactionType.Comment)
            await ctx.RequireAsync(Right.ShowTicketComments, "split off a comment", ct);

        var body = transaction.Attachments.First(a => a.IsBody);
        var message = new TicketMessage(Encoding.UTF8.GetString(body.Content), body.ContentType)
        {
            Attachments = transaction.Attachments.Where(a => !a.IsBody)
                .Select(a => new NewAttachment(a.FileName!, a.ContentType, a.Content)).ToList(),
        };
        var newTicket = new NewTicket
        {
            QueueId = QueueId ?? source.QueueId,
            Subject = string.IsNullOrWhiteSpace(Subject) ? source.Subject : Subject,
            Requestors = source.Watchers.Where(w => w.Role == WatcherRole.Requestor).Select(w => new WatcherRef(w.UserId, w.Email)).ToList(),
            Content = message,
        };
        await newTicket.CreateAsync(ctx, ct);
        var created = ctx.Ticket;

        // The rest of the change is about the source again.
        ctx.Ticket = source;
        ctx.Queue = sourceQueue;
        ctx.Db.Links.Add(new TicketLink { Type = LinkType.RefersTo, BaseId = created.Id, TargetId = source.Id });
        ctx.Record(TransactionType.Split, "SplitInto", TransactionId.ToString(), created.Id.ToString());
        ctx.Record(TransactionType.AddLink, nameof(LinkKind.RefersTo), null, source.Id.ToString(), on: created);
    }
}
