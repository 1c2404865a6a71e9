using System.Text;
using MimeKit;
using NocBoard.Tickets.Changes;
using NocBoard.Tickets.Display;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// What of a received message goes on the ticket: the text (plain preferred; HTML-only mail
/// sanitised), the HTML alternative and every file part (inline images too) as attachments within
/// the size limit, with a note for each part dropped. MimeKit decodes every charset it knows
/// (ISO-2022-JP, Shift_JIS, EUC-KR, GB2312, UTF-8 ...) and encoded-word subjects and names.
/// </summary>
public static class MailContent
{
    public static TicketMessage ToTicketMessage(MimeMessage message, long maxAttachmentBytes)
    {
        var notes = new List<string>();
        string content;
        string contentType;
        TextPart? htmlPart = message.HtmlBody is null ? null : FindHtml(message);
        if (message.TextBody is { } text)
        {
            content = text;
            contentType = "text/plain";
        }
        else if (message.HtmlBody is { } html)
        {
            content = MessageBody.SanitizeHtml(html);
            contentType = "text/html";
            htmlPart = null;
        }
        else
        {
            content = "";
            contentType = "text/plain";
        }

        var attachments = new List<NewAttachment>();
        if (htmlPart is not null)
            attachments.Add(new NewAttachment("message.html", "text/html",
                Encoding.UTF8.GetBytes(MessageBody.SanitizeHtml(htmlPart.Text))));

        var index = 0;
        foreach (var entity in message.BodyParts)
        {
            index++;
            if (entity is TextPart textPart && !textPart.IsAttachment && (textPart.IsPlain || textPart.IsHtml)) continue;
            var (name, type, bytes) = Extract(entity, index);
            if (bytes is null) continue;
            if (bytes.LongLength > maxAttachmentBytes)
            {
                notes.Add($"[The attachment '{name}' ({bytes.LongLength} bytes) was not kept: the limit is {maxAttachmentBytes} bytes.]");
                continue;
            }
            attachments.Add(new NewAttachment(name, type, bytes));
        }

        if (notes.Count > 0)
            content = contentType == "text/html"
                ? content + string.Concat(notes.Select(n => $"<p>{System.Net.WebUtility.HtmlEncode(n)}</p>"))
                : (content.TrimEnd() + "\n\n" + string.Join("\n", notes)).TrimStart();

        return new TicketMessage(content, contentType)
        {
            Attachments = attachments,
            Subject = message.Subject,
            MessageId = message.MessageId,
            Headers = HeaderText(message),
        };
    }

    private static string HeaderText(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.Headers.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static TextPart? FindHtml(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml && !p.IsAttachment);

    private static (string Name, string Type, byte[]? Bytes) Extract(MimeEntity entity, int index)
    {
        switch (entity)
        {
            case MessagePart rfc822:
            {
                using var stream = new MemoryStream();
                rfc822.Message?.WriteTo(stream);
                var name = rfc822.ContentDisposition?.FileName ?? $"message-{index}.eml";
                return (name, rfc822.ContentType.MimeType, stream.ToArray());
            }
            case MimePart part when part.Content is not null:
            {
                using var stream = new MemoryStream();
                part.Content.DecodeTo(stream);
                var name = part.FileName;
                if (string.IsNullOrWhiteSpace(name))
                    name = $"part-{index}{Extension(part.ContentType.MimeType)}";
                return (name, part.ContentType.MimeType, stream.ToArray());
            }
            default:
                return ("", "", null);
        }
    }

    private static string Extension(string mimeType) => MimeTypes.TryGetExtension(mimeType, out var ext) ? ext : ".bin";
}
