using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Site;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// Reads where a message was sent: to a queue's comment address (and not its correspond address)
/// it is a comment, to its correspond address a reply; either names the queue for a new ticket.
/// A gateway or mailbox set up for comments keeps its action: its address is the comment address.
/// </summary>
public sealed class MailIntakeAddresses(NocDbContext db, QueueCatalog catalog, IOptions<MailAddressOptions> site)
{
    public async Task<MailRoute> RouteAsync(MimeMessage message, string action, CancellationToken ct)
    {
        var sentTo = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Select(m => EmailAddresses.Normalize(m.Address)).Where(a => a is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (sentTo.Count == 0) return new MailRoute(null, action);
        var route = await ByAddressAsync(sentTo, ct);
        return action == MailActions.Comment ? route with { Action = MailActions.Comment } : route with { Action = route.Action ?? action };
    }

    private async Task<MailRoute> ByAddressAsync(HashSet<string?> sentTo, CancellationToken ct)
    {
        var queues = (await catalog.AllAsync(db, ct)).Where(q => !q.Disabled).OrderBy(q => q.Id);
        foreach (var queue in queues)
        {
            if (Matches(queue.CorrespondAddress)) return new MailRoute(queue.Name, MailActions.Correspond);
            if (Matches(queue.CommentAddress)) return new MailRoute(queue.Name, MailActions.Comment);
        }
        if (Matches(site.Value.CorrespondAddress)) return new MailRoute(null, MailActions.Correspond);
        if (Matches(site.Value.CommentAddress)) return new MailRoute(null, MailActions.Comment);
        return new MailRoute(null, null);

        bool Matches(string? address) => EmailAddresses.Normalize(address) is { } a && sentTo.Contains(a);
    }
}

public sealed record MailRoute(string? QueueName, string? Action);
