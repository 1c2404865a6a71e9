using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Site;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// Reads where a message was sent: to a queue's comment address it is a comment, to its correspond
/// address a reply (and, for a new ticket, that queue). Otherwise the gateway's or mailbox's action stands.
/// </summary>
public sealed class MailIntakeAddresses(NocDbContext db, IOptions<MailAddressOptions> site)
{
    public async Task<MailRoute> RouteAsync(MimeMessage message, string action, CancellationToken ct)
    {
        var sentTo = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Select(m => EmailAddresses.Normalize(m.Address)).Where(a => a is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (sentTo.Count == 0) return new MailRoute(null, action);

        var queues = await db.Queues.AsNoTracking().Where(q => !q.Disabled)
            .Select(q => new { q.Name, q.CorrespondAddress, q.CommentAddress }).ToListAsync(ct);
        foreach (var queue in queues)
        {
            if (Matches(queue.CommentAddress)) return new MailRoute(queue.Name, MailActions.Comment);
            if (Matches(queue.CorrespondAddress)) return new MailRoute(queue.Name, MailActions.Correspond);
        }
        if (Matches(site.Value.CommentAddress)) return new MailRoute(null, MailActions.Comment);
        if (Matches(site.Value.CorrespondAddress)) return new MailRoute(null, MailActions.Correspond);
        return new MailRoute(null, action);

        bool Matches(string? address) => EmailAddresses.Normalize(address) is { } a && sentTo.Contains(a);
    }
}

public sealed record MailRoute(string? QueueName, string Action);
