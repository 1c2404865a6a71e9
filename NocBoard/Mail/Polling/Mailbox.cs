using MailKit.Security;

namespace NocBoard.Mail.Polling;

/// <summary>A mailbox NocBoard polls over IMAP or POP3, configured in the admin UI (or in Mail:Polling:Mailboxes).</summary>
public class Mailbox
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public MailboxProtocol Protocol { get; set; } = MailboxProtocol.Imap;
    public required string Host { get; set; }
    public int Port { get; set; } = 993;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;
    public required string UserName { get; set; }

    /// <summary>The password, protected with ASP.NET Data Protection (never stored or logged in clear).</summary>
    public string ProtectedPassword { get; set; } = "";

    /// <summary>IMAP folder to read (POP3 has only the inbox).</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>IMAP: after the ticket change committed, move the message here instead of marking it seen.</summary>
    public string? MoveToFolder { get; set; }

    public required string QueueName { get; set; }
    public string Action { get; set; } = MailActions.Correspond;
    public bool Enabled { get; set; } = true;

    public DateTimeOffset? LastPolled { get; set; }
    public string? LastError { get; set; }
}

public enum MailboxProtocol { Imap, Pop3 }
