using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Outbox;

namespace NocBoard.Mail.Outbound;

/// <summary>Settings under "Mail:Autoreplies": how many automatic replies one address may get per hour from one queue.</summary>
public sealed class AutoreplyOptions
{
    public const string Section = "Mail:Autoreplies";

    /// <summary>At most this many autoreplies per address per queue within an hour; 0 turns the limit off.</summary>
    public int PerAddressPerHour { get; set; } = 5;

    /// <summary>Per queue (by name) a different limit, e.g. { "Abuse": 1 }.</summary>
    public Dictionary<string, int> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int LimitFor(string? queueName) =>
        queueName is not null && Queues.FirstOrDefault(q => string.Equals(q.Key, queueName, StringComparison.OrdinalIgnoreCase)) is { Key: not null } q
            ? q.Value
            : PerAddressPerHour;
}

/// <summary>An autoreply handed to the relay for one address: what the per-hour limit counts.</summary>
public class AutoreplySent
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public required string Address { get; set; }
    public int? QueueId { get; set; }
    public DateTimeOffset Sent { get; set; }
}

/// <summary>
/// Holds back autoreplies (mail marked Auto-Submitted: auto-replied) to an address that has had
/// the queue's limit of them within the last hour, so that NocBoard and another robot that does
/// not mark its replies cannot answer each other forever. Decided when the mail is about to be
/// sent; a retry of the same outbox row counts once.
/// </summary>
public sealed class AutoreplyLimiter(NocDbContext db, WriteGate gate, TimeProvider clock, IOptionsMonitor<AutoreplyOptions> options,
    ILogger<AutoreplyLimiter> logger)
{
    public static bool IsAutoreply(MimeMessage mail) =>
        string.Equals(mail.Headers[HeaderId.AutoSubmitted]?.Trim(), "auto-replied", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mail without the recipients over the limit; null when none is left.</summary>
    public async Task<MimeMessage?> LimitAsync(OutboxMessage outbox, MimeMessage mail, CancellationToken ct)
    {
        if (!IsAutoreply(mail)) return mail;
        var queue = outbox.TicketId is { } ticketId
            ? await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
                .Join(db.Queues, t => t.QueueId, q => q.Id, (t, q) => new { q.Id, q.Name }).FirstOrDefaultAsync(ct)
            : null;
        var limit = options.CurrentValue.LimitFor(queue?.Name);
        int? queueId = queue?.Id;
        if (limit <= 0) return mail;

        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        var held = new List<string>();
        await using (await gate.EnterAsync(ct))
        {
            foreach (var list in new[] { mail.To, mail.Cc, mail.Bcc })
            foreach (var mailbox in list.Mailboxes.ToList())
            {
                var address = mailbox.Address.Trim().ToLowerInvariant();
                var log = db.Set<AutoreplySent>();
                if (await log.AnyAsync(a => a.OutboxMessageId == outbox.Id && a.Address == address, ct)) continue;   // a retry
                var recent = await log.CountAsync(a => a.Address == address && a.QueueId == queueId && a.Sent >= since, ct);
                if (recent >= limit)
                {
                    list.Remove(mailbox);
                    held.Add(address);
                    continue;
                }
                log.Add(new AutoreplySent { OutboxMessageId = outbox.Id, Address = address, QueueId = queueId, Sent = now });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (held.Count > 0)
            logger.LogWarning("Held back an autoreply ({MessageId}) to {Addresses}: {Limit} autoreplies within the hour from queue {Queue} already.",
                mail.MessageId, string.Join(", ", held), limit, queue?.Name ?? "(none)");
        return mail.To.Count + mail.Cc.Count + mail.Bcc.Count == 0 ? null : mail;
    }
}
