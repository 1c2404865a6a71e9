using MimeKit;
using NocBoard.Mail.Outbound;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// Mail that must never be answered automatically: auto-replies (Auto-Submitted other than "no"),
/// bulk and list mail, bounces (multipart/report, mailer-daemon) and NocBoard's own mail coming
/// back. It is still recorded on its ticket; it just gets no reply, so two robots cannot loop.
/// </summary>
public static class MachineMail
{
    public static bool IsMachineGenerated(MimeMessage message) => Why(message) is not null;

    public static string? Why(MimeMessage message)
    {
        if (message.Headers.Contains(MailOutbox.LoopHeader)) return "it is NocBoard's own mail";
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return $"Auto-Submitted: {autoSubmitted.Trim()}";
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list") return $"Precedence: {precedence}";
        if (IsBounce(message)) return "it is a delivery status notification";
        return null;
    }

    /// <summary>The same judgement from the header block stored with a ticket's message.</summary>
    public static string? Why(string headers)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(headers.TrimEnd() + "\r\n\r\n"));
        try
        {
            return Why(MimeMessage.Load(stream));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool IsBounce(MimeMessage message)
    {
        if (message.Body is MultipartReport) return true;
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var local = from.Split('@')[0].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" || message.Headers.Contains("X-Failed-Recipients");
    }
}
