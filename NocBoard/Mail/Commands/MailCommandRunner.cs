using System.Text;
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
/// Each command stands alone; the refused or malformed ones are answered in one error mail, unless
/// the message came from a machine.
/// </summary>
public sealed class MailCommandRunner(
    NocDbContext db,
    TicketService tickets,
    MailCommandTranslator translator,
    TimeProvider clock,
    IOptions<SiteOptions> site,
    IOptions<MailAddressOptions> addresses,
    IOptions<InboundMailOptions> options,
    ILogger<MailCommandRunner> logger)
{
    public async Task<IReadOnlyList<string>> RunAsync(int ticketId, IReadOnlyList<MailCommand> commands, Actor actor,
        MimeMessage message, MailReceipt receipt, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var command in commands)
        {
            var (change, error) = await translator.TranslateAsync(command, ct);
            if (change is null)
            {
                errors.Add($"{command}: {error}");
                continue;
            }
            var result = await tickets.ApplyAsync(ticketId, change, actor, ct: ct);
            if (!result.Succeeded) errors.Add($"{command}: {result.Error!.Message}");
        }
        if (errors.Count == 0) return errors;

        logger.LogInformation("{Count} mail command(s) from {Actor} on ticket #{Ticket} were not applied.", errors.Count, actor.Name, ticketId);
        if (MachineMail.IsMachineGenerated(message) || SenderAccounts.SenderOf(message) is not { } sender) return errors;
        await MailOutbox.EnqueueAsync(db, clock, ErrorMail(ticketId, sender, message, errors),
            $"mail-command-errors:{receipt.MessageId}:{receipt.ContentHash}", ticketId, ct);
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
