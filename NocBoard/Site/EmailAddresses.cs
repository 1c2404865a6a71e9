using System.Net.Mail;

namespace NocBoard.Site;

/// <summary>How NocBoard stores an email address: one plain address, trimmed and lower-cased, so that watchers and users match.</summary>
public static class EmailAddresses
{
    /// <summary>The stored form of a single address, or null when the text is not exactly one address.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            ? address.Address.ToLowerInvariant()
            : null;
    }
}
