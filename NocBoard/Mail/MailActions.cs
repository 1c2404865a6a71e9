namespace NocBoard.Mail;

/// <summary>What an inbound message becomes on its ticket, named as rt-mailgate's --action.</summary>
public static class MailActions
{
    public const string Correspond = "correspond";
    public const string Comment = "comment";

    /// <summary>The canonical action, or null for one NocBoard does not know.</summary>
    public static string? Parse(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        null or "" or Correspond => Correspond,
        Comment => Comment,
        _ => null,
    };
}
