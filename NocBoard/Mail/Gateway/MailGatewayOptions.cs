namespace NocBoard.Mail.Gateway;

/// <summary>Settings under "Mail:Gateway": who may post to /REST/1.0/NoAuth/mail-gateway.</summary>
public sealed class MailGatewayOptions
{
    public const string Section = "Mail:Gateway";

    /// <summary>
    /// Client addresses or networks (CIDR) allowed to post, separated by commas. Empty: any address
    /// (then set a Secret). One string rather than a list, so that setting it replaces the default.
    /// </summary>
    public string AllowedSources { get; set; } = "127.0.0.1/32, ::1/128";

    public IReadOnlyList<string> AllowedSourceList =>
        AllowedSources.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// When set, a post must carry it: in the URL as rt-mailgate's
    /// <c>--url http://host:5080/mail-gateway/SECRET/</c>, or in the X-NocBoard-Gateway-Secret header.
    /// </summary>
    public string Secret { get; set; } = "";
}
