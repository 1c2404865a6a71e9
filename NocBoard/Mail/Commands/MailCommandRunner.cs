using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard.Mail.Commands;

/// <summary>
/// Applies the commands at the top of a received message through the write path, with the sender's
/// rights, after the message itself is recorded (so a refused command never loses the message).
/// The commands wait in the message's receipt, written in the message's commit; each one leaves it
/// in the commit that applies it (<see cref="MailCommandApplied"/>), or with its refusal recorded,
/// so if NocBoard stops part-way nothing is lost and nothing is applied twice: the message is read
/// again (the mailbox was not marked, the MTA retries) and <see cref="ResumeAsync"/> carries on, or
/// the next start does (<see cref="MailCommandStartupSweep"/>), whichever comes first.
/// The refused or malformed ones are answered in one error mail, unless the message came from a machine.
/// </summary>
public sealed class MailCommandRunner(
    NocDbContext db,
    TicketService tickets,
    MailCommandTranslator translator,
    SenderAccounts senders,
    WriteGate gate,
    TimeProvider clock,
    IOptions<SiteOptions> site,
    IOptions<MailAddressOptions> addresses,
    IOptions<InboundMailOptions> options,
    ILogger<MailCommandRunner> logger)
{
    /// <summary>Applies the receipt's pending commands to its ticket as <paramref name="actor"/>; returns the errors answered.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(long receiptId, Actor actor, MimeMessage message, CancellationToken ct)
    {
        while (await ReceiptAsync(receiptId, ct) is { TicketId: { } ticketId } receipt
               && MailCommand.Parse(receipt.PendingCommands) is [var command, ..])
        {
            var (change, error) = await translator.TranslateAsync(command, ct);
            if (change is not null)
            {
                var result = await tickets.ApplyAsync(ticketId, [change, new MailCommandApplied(receiptId, receipt.PendingCommands!)], actor, ct: ct);
                if (result.Succeeded || result.Error!.Message.StartsWith(MailCommandApplied.Marker, StringComparison.Ordinal))
                    continue;   // applied now, or by another reading of the same message meanwhile
                error = result.Error.Message;
            }
            await RefuseAsync(receipt, $"{command}: {error}", ct);
        }
        return await AnswerErrorsAsync(receiptId, message, ct);
    }

    /// <summary>
    /// For a message read again: carries on with commands a stopped run left pending (and their
    /// error mail), acting as the sender again. Nothing to do for a message whose commands are done.
    /// </summary>
    public async Task ResumeAsync(MailReceipt key, MimeMessage message, string queueName, CancellationToken ct)
    {
        var receipt = await db.Set<MailReceipt>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.MessageId == key.MessageId && r.ContentHash == key.ContentHash, ct);
        if (receipt is not { Outcome: MailOutcome.Ticket, HasUnfinishedCommands: true } || SenderAccounts.SenderOf(message) is not { } sender)
            return;
        var (actor, refusal) = await senders.ActorForAsync(sender, queueName, ct);
        if (actor is null)
        {
            logger.LogWarning("Pending mail commands of {MessageId} cannot be resumed: {Reason}", receipt.MessageId, refusal);
            return;
        }
        logger.LogInformation("Resuming the mail commands of {MessageId} on ticket #{Ticket}.", receipt.MessageId, receipt.TicketId);
        await RunAsync(receipt.Id, actor, message, ct);
    }

    private Task<MailReceipt?> ReceiptAsync(long id, CancellationToken ct) =>
        db.Set<MailReceipt>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Moves the first pending command to the errors, unless another run did something with it meanwhile.</summary>
    private async Task RefuseAsync(MailReceipt seen, string error, CancellationToken ct)
    {
        var rest = MailCommand.Serialize(MailCommand.Parse(seen.PendingCommands).Skip(1));
        var errors = string.IsNullOrEmpty(seen.CommandErrors) ? error : seen.CommandErrors + "\n" + error;
        await using var _ = await gate.EnterAsync(ct);
        await db.Set<MailReceipt>()
            .Where(r => r.Id == seen.Id && r.PendingCommands == seen.PendingCommands && r.CommandErrors == seen.CommandErrors)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PendingCommands, rest).SetProperty(r => r.CommandErrors, errors), ct);
    }

    private async Task<IReadOnlyList<string>> AnswerErrorsAsync(long receiptId, MimeMessage message, CancellationToken ct)
    {
        if (await ReceiptAsync(receiptId, ct) is not { CommandErrors: { Length: > 0 } text, TicketId: { } ticketId } receipt) return [];
        var errors = text.Split('\n');
        logger.LogInformation("{Count} mail command(s) on ticket #{Ticket} were not applied.", errors.Length, ticketId);
        if (!MachineMail.IsMachineGenerated(message) && SenderAccounts.SenderOf(message) is { } sender)
            // Keyed by the message: a resumed run finds the mail already queued and queues no second one.
            await MailOutbox.EnqueueAsync(db, clock, ErrorMail(ticketId, sender, message, errors),
                $"mail-command-errors:{receipt.MessageId}:{receipt.ContentHash}", ticketId, ct);
        await using (await gate.EnterAsync(ct))
            await db.Set<MailReceipt>().Where(r => r.Id == receiptId && r.CommandErrors == text)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CommandErrors, (string?)null), ct);
        return errors;
    }

    private MimeMessage ErrorMail(int ticketId, MailboxAddress sender, MimeMessage original, IReadOnlyList<string> errors)
    {
        var from = string.IsNullOrWhiteSpace(options.Value.ErrorsFrom) ? addresses.Value.CorrespondAddress : options.Value.ErrorsFrom;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(new MailboxAddress(sender.Name, sender.Address));
        mail.Subject = SubjectTag.Apply(site.Value.Name, ticketId, $"Commands not applied: {original.Subject}");
        mail.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        if (!string.IsNullOrEmpty(original.MessageId))
        {
            mail.InReplyTo = original.MessageId;
            mail.References.Add(original.MessageId);
        }
        var text = new StringBuilder()
            .AppendLine($"Your message was recorded on ticket #{ticketId}, but these commands were not applied:")
            .AppendLine();
        foreach (var error in errors) text.AppendLine($"  {error}");
        text.AppendLine().AppendLine("Commands go on the first lines of the message, one per line, e.g. \"Status: resolved\".");
        mail.Body = new TextPart("plain") { Text = text.ToString() };
        return mail;
    }
}

/// <summary>
/// Takes the first pending command off the message's receipt in the same commit as the ticket
/// change that applies it; refused as a conflict when another reading of the same message got
/// there first (the receipt no longer holds <paramref name="Expected"/>), which undoes the change.
/// </summary>
internal sealed record MailCommandApplied(long ReceiptId, string Expected) : TicketChange
{
    public const string Marker = "The mail command was applied meanwhile";

    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var receipt = await ctx.Db.Set<MailReceipt>().SingleOrDefaultAsync(r => r.Id == ReceiptId, ct);
        if (receipt is null || receipt.PendingCommands != Expected)
            throw TicketChangeContext.Refuse(TicketErrorKind.Conflict, $"{Marker} (receipt #{ReceiptId}).");
        receipt.PendingCommands = MailCommand.Serialize(MailCommand.Parse(receipt.PendingCommands).Skip(1));
    }
}
