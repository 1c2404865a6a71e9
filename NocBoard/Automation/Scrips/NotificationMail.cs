using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Automation.Templates;
using NocBoard.Mail;
using NocBoard.Queues;
using NocBoard.Site;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Builds the mail a scrip sends: from the queue's correspond (or comment) address, falling back
/// to the site's, with the ticket's subject tag, marked as automatic so that auto-responders do
/// not answer it (RFC 3834).
/// </summary>
public sealed class NotificationMail(IOptions<SiteOptions> site, IOptions<MailAddressOptions> addresses)
{
    public string FromAddress(Queue queue, bool asComment) => asComment
        ? queue.CommentAddress ?? addresses.Value.CommentAddress
        : queue.CorrespondAddress ?? addresses.Value.CorrespondAddress;

    public MimeMessage Build(Queue queue, int ticketId, RenderedMessage message, IEnumerable<string> to, bool asComment, bool autoreply)
    {
        var mail = new MimeMessage();
        var from = new MailboxAddress($"{queue.Name} via {site.Value.Name}", FromAddress(queue, asComment));
        mail.From.Add(from);
        mail.ReplyTo.Add(new MailboxAddress(queue.Name, FromAddress(queue, asComment)));
        foreach (var address in to) mail.To.Add(MailboxAddress.Parse(address));
        mail.Subject = SubjectTag.Apply(site.Value.Name, ticketId, message.Subject);
        mail.Headers.Add("Auto-Submitted", autoreply ? "auto-replied" : "auto-generated");
        mail.Headers.Add("X-NocBoard-Ticket", ticketId.ToString());
        mail.Body = new TextPart("plain") { Text = message.Body };
        return mail;
    }

    /// <summary>A mail that is not about one ticket (digests, reminders): from the site's address.</summary>
    public MimeMessage BuildPlain(RenderedMessage message, string to, string? subjectTicketTag = null)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(site.Value.Name, addresses.Value.CorrespondAddress));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = subjectTicketTag is null ? message.Subject : $"{subjectTicketTag} {message.Subject}";
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Body = new TextPart("plain") { Text = message.Body };
        return mail;
    }
}
