using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;
using NocBoard.Outbox;

namespace NocBoard.Automation.Webhooks;

/// <summary>
/// Posts a queued webhook. The body is signed with the scrip's secret (HMAC-SHA256, hex) in
/// <c>X-NocBoard-Signature: sha256=...</c>, so the receiver can tell it came from here; the secret is
/// read at sending time and never stored in the outbox. A failure or a non-2xx answer is retried
/// by the outbox with backoff; <c>X-NocBoard-Delivery</c> stays the same across retries.
/// </summary>
public sealed class WebhookCaller(IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSecrets secrets, IOptions<AutomationOptions> options) : IOutboxHandler
{
    public const string Kind = "automation.webhook";
    public const string SignatureHeader = "X-NocBoard-Signature";
    public const string DeliveryHeader = "X-NocBoard-Delivery";

    string IOutboxHandler.Kind => Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var stored = JsonSerializer.Deserialize<WebhookPayload.Stored>(message.Payload)
                     ?? throw new InvalidOperationException("The outbox payload holds no webhook.");
        string? secret;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NocDbContext>();
            var protectedSecret = await db.Scrips().AsNoTracking().Where(s => s.Id == stored.ScripId).Select(s => s.ProtectedWebhookSecret).SingleOrDefaultAsync(ct);
            secret = secrets.Unprotect(protectedSecret, stored.ScripId);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, stored.Url)
        {
            Content = new StringContent(stored.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DeliveryHeader, message.IdempotencyKey);
        if (!string.IsNullOrEmpty(secret)) request.Headers.Add(SignatureHeader, Sign(secret, stored.Body));
        using var client = http.CreateClient(Kind);
        client.Timeout = options.Value.WebhookTimeout;
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook {stored.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    /// <summary>"sha256=" and the hex HMAC-SHA256 of the body's UTF-8 bytes with the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
