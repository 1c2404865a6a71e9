using System.Text.RegularExpressions;

namespace NocBoard.Mail;

/// <summary>
/// RT's subject tag, "[NOC #42]": put on every mail about a ticket, and how a reply finds its
/// ticket again. The name is <c>Site:Name</c> (RT's rtname).
/// </summary>
public static class SubjectTag
{
    public static string Format(string siteName, int ticketId) => $"[{siteName} #{ticketId}]";

    /// <summary>The subject with the tag in front, unless it carries it already.</summary>
    public static string Apply(string siteName, int ticketId, string? subject)
    {
        var tag = Format(siteName, ticketId);
        subject ??= "";
        return subject.Contains(tag, StringComparison.OrdinalIgnoreCase) ? subject : $"{tag} {subject}".TrimEnd();
    }

    /// <summary>The ticket number in the first tag of this site in the subject, if any.</summary>
    public static int? Find(string siteName, string? subject)
    {
        if (string.IsNullOrEmpty(subject)) return null;
        var match = Regex.Match(subject, $@"\[{Regex.Escape(siteName)}\s+#(\d{{1,9}})\]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }
}
