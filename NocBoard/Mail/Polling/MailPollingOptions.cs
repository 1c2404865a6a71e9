using MailKit.Security;

namespace NocBoard.Mail.Polling;

/// <summary>Settings under "Mail:Polling": mailboxes kept in configuration (the admin UI keeps its own) and limits.</summary>
public sealed class MailPollingOptions
{
    public const string Section = "Mail:Polling";

    /// <summary>Most messages taken from one mailbox per run; the rest wait for the next run.</summary>
    public int BatchSize { get; set; } = 200;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public List<ConfiguredMailbox> Mailboxes { get; set; } = [];
}

/// <summary>A mailbox named in configuration; its password comes from configuration (e.g. an environment variable).</summary>
public sealed class ConfiguredMailbox
{
    public string Name { get; set; } = "";
    public MailboxProtocol Protocol { get; set; } = MailboxProtocol.Imap;
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    public string? MoveToFolder { get; set; }
    public string Queue { get; set; } = "General";
    public string Action { get; set; } = MailActions.Correspond;
    public bool Enabled { get; set; } = true;
}
