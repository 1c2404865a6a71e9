using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using NocBoard.Outbox;

namespace NocBoard.Mail.Outbound;

/// <summary>
/// Sends queued mail through the configured SMTP relay with MailKit. A relay that is down or
/// refuses makes the outbox retry later with backoff; a mail that keeps failing is marked failed
/// and kept for an administrator, never dropped.
/// </summary>
/// <remarks>
/// Autoreplies pass the per-address limit first (<see cref="AutoreplyLimiter"/>); mail about a ticket
/// is written in its queue's charset (<see cref="MailCharsets"/>).
/// </remarks>
public sealed class SmtpMailSender(IOptionsMonitor<SmtpOptions> options, IServiceScopeFactory scopes, ILogger<SmtpMailSender> logger) : IOutboxHandler
{
    public string Kind => MailOutbox.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("No SMTP relay is configured (Mail:Smtp:Host).");

        var mail = MailOutbox.Deserialize(message.Payload);
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (AutoreplyLimiter.IsAutoreply(mail))
            {
                if (await scope.ServiceProvider.GetRequiredService<AutoreplyLimiter>().LimitAsync(message, mail, ct) is not { } allowed)
                    return;   // every recipient had their share this hour: nothing to send, nothing to retry
                mail = allowed;
            }
            await scope.ServiceProvider.GetRequiredService<MailCharsets>().ApplyAsync(message, mail, ct);
        }
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Sent mail {MessageId} to {Count} recipient(s).", mail.MessageId,
            mail.To.Count + mail.Cc.Count + mail.Bcc.Count);
    }
}
