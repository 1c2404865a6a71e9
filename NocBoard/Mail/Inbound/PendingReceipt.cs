using Microsoft.EntityFrameworkCore;
using NocBoard.Mail.Threading;
using NocBoard.Outbox;
using NocBoard.Tickets;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// The receipt of the message being taken in, waiting to be written in the commit of the ticket
/// change it causes (per scope: one message at a time).
/// </summary>
public sealed class PendingReceipt
{
    public MailReceipt? Receipt { get; private set; }

    /// <summary>Set when the receipt was added to a write (which may still roll back).</summary>
    public bool Written { get; internal set; }

    public void Set(MailReceipt receipt)
    {
        Receipt = receipt;
        Written = false;
    }

    public void Clear()
    {
        Receipt = null;
        Written = false;
    }
}

/// <summary>
/// Writes the pending receipt, and the received Message-ID for threading, inside the ticket
/// change's database transaction, so that the change and "this message was handled" commit together.
/// </summary>
public sealed class MailReceiptContributor(PendingReceipt pending) : IOutboxContributor
{
    public async Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        if (pending.Receipt is not { } template || pending.Written || ctx.Ticket is null) return;
        var receipt = new MailReceipt
        {
            MessageId = template.MessageId,
            ContentHash = template.ContentHash,
            Via = template.Via,
            Outcome = template.Outcome,
            TicketId = ctx.Ticket.Id,
            PendingCommands = template.PendingCommands,
            Received = ctx.Now,
        };
        ctx.Db.Add(receipt);
        if (template.MessageId.Length > 0)
            ctx.Db.Add(new MailMessageRef
            {
                MessageId = template.MessageId, TicketId = ctx.Ticket.Id, Direction = MailDirection.Received, Recorded = ctx.Now,
            });
        await ctx.Db.SaveChangesAsync(ct);
        pending.Written = true;
    }
}
