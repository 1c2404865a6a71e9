using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using NocBoard.Mail.Outbound;

namespace NocBoard.Operations.Checks;

/// <summary>The SMTP relay in Mail:Smtp answers, and takes the configured login, as the outbox will need.</summary>
public sealed class SmtpCheck(IOptions<SmtpOptions> options) : ISystemCheck
{
    public string Name => "smtp";

    public async Task<CheckResult> RunAsync(CancellationToken ct)
    {
        var smtp = options.Value;
        // Not an error: a NocBoard without a relay keeps its outgoing mail queued until one is set.
        if (string.IsNullOrWhiteSpace(smtp.Host))
            return CheckResult.Pass("no relay set (Mail:Smtp:Host): outgoing mail stays queued in the outbox");
        var where = $"{smtp.Host}:{smtp.Port}";
        try
        {
            using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            var login = "";
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
                login = $", logged in as {smtp.UserName}";
            }
            var tls = client.IsSecure ? "TLS" : "no TLS";
            await client.DisconnectAsync(quit: true, ct);
            return CheckResult.Pass($"{where} answers ({tls}{login})");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return CheckResult.Fail($"{where}: {e.Message}");
        }
    }
}
