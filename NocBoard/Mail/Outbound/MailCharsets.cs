using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Outbox;

namespace NocBoard.Mail.Outbound;

/// <summary>Settings under "Mail:Charsets": the charset outgoing mail is written in, per queue (e.g. ISO-2022-JP for Japanese recipients).</summary>
public sealed class MailCharsetOptions
{
    public const string Section = "Mail:Charsets";

    public string Default { get; set; } = "utf-8";

    /// <summary>Per queue name, e.g. { "Tokyo": "iso-2022-jp" }.</summary>
    public Dictionary<string, string> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string For(string? queueName) =>
        queueName is not null && Queues.FirstOrDefault(q => string.Equals(q.Key, queueName, StringComparison.OrdinalIgnoreCase)) is { Key: not null } q
            ? q.Value
            : Default;
}

/// <summary>
/// Writes a mail about a ticket in its queue's charset just before it is sent: the text parts, the
/// subject and the display names. Text the charset cannot hold (an emoji in ISO-2022-JP) stays in
/// UTF-8 rather than turning into question marks. The same every time, so a retry sends the same mail.
/// </summary>
public sealed class MailCharsets(NocDbContext db, IOptionsMonitor<MailCharsetOptions> options, ILogger<MailCharsets> logger)
{
    public async Task ApplyAsync(OutboxMessage outbox, MimeMessage mail, CancellationToken ct)
    {
        // Most sites write everything in UTF-8: then no mail costs a lookup of its queue.
        var settings = options.CurrentValue;
        if (settings.Queues.Count == 0 && string.Equals(settings.Default, "utf-8", StringComparison.OrdinalIgnoreCase)) return;
        var queueName = outbox.TicketId is { } ticketId
            ? await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
                .Join(db.Queues, t => t.QueueId, q => q.Id, (t, q) => q.Name).FirstOrDefaultAsync(ct)
            : null;
        var name = settings.For(queueName);
        if (string.Equals(name, "utf-8", StringComparison.OrdinalIgnoreCase)) return;
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            logger.LogWarning("Mail:Charsets names '{Charset}' for queue {Queue}, which is not a charset; sending UTF-8.", name, queueName);
            return;
        }
        Apply(mail, encoding);
    }

    public static void Apply(MimeMessage mail, Encoding encoding)
    {
        foreach (var part in mail.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment))
            if (Holds(encoding, part.Text)) part.SetText(encoding, part.Text);
        if (mail.Subject is { } subject && Holds(encoding, subject))
            mail.Headers.Replace(HeaderId.Subject, encoding, subject);
        foreach (var mailbox in new[] { mail.From, mail.ReplyTo, mail.To, mail.Cc }.SelectMany(l => l.Mailboxes))
            if (Holds(encoding, mailbox.Name ?? "")) mailbox.Encoding = encoding;
    }

    private static bool Holds(Encoding encoding, string text)
    {
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
