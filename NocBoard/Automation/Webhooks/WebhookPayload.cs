using System.Text.Json;
using NocBoard.Automation.Scrips;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Webhooks;

/// <summary>What a Call Webhook scrip posts: the scrip, the ticket as it is now and the transaction that fired it.</summary>
public static class WebhookPayload
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The outbox payload: where to post and the JSON body, fixed now so a retry posts the same bytes.</summary>
    public sealed record Stored(int ScripId, string Url, string Body);

    internal static async Task<string> BuildAsync(Scrip scrip, Ticket ticket, Queue queue, TicketTransaction transaction,
        ScripMessage messages, CancellationToken ct)
    {
        if (!Uri.TryCreate(scrip.ActionArgument?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"The webhook address '{scrip.ActionArgument}' is not an http(s) URL.");
        var models = messages.Models;
        var body = JsonSerializer.Serialize(new
        {
            Scrip = new { scrip.Id, scrip.Description },
            Ticket = await models.TicketAsync(ticket, ct),
            Transaction = await models.TransactionAsync(transaction, ct),
        }, Json);
        return JsonSerializer.Serialize(new Stored(scrip.Id, url.ToString(), body));
    }
}
