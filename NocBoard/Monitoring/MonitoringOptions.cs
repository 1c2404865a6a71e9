namespace NocBoard.Monitoring;

/// <summary>Settings of the monitoring intake (section "Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>The user alert tickets are created and changed as; default the system account.</summary>
    public string ActAs { get; set; } = Accounts.SystemUser.UserName;

    /// <summary>
    /// Webhook tokens per source name, applied at start (e.g. Monitoring__SourceTokens__alertmanager).
    /// A source named here that does not exist is created. Tokens can also be set on the admin page.
    /// </summary>
    public Dictionary<string, string> SourceTokens { get; set; } = [];
}
