namespace NocBoard.Site;

/// <summary>Settings under "Mail": the site-wide addresses queues fall back to.</summary>
public sealed class MailAddressOptions
{
    public const string Section = "Mail";

    public string CorrespondAddress { get; set; } = "noc@example.net";
    public string CommentAddress { get; set; } = "noc-comment@example.net";
}
