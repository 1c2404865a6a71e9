using MailKit.Security;

namespace NocBoard.Mail.Outbound;

/// <summary>Settings under "Mail:Smtp": the relay NocBoard hands its outgoing mail to.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Mail:Smtp";

    /// <summary>Empty: nothing is sent; each queued mail is retried with backoff (see Outbox:MaxAttempts).</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
