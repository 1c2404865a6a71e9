using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;
using NocBoard.Data;
using NocBoard.Mail.Threading;
using NocBoard.Outbox;
using NocBoard.Tickets;

namespace NocBoard.Mail.Outbound;

/// <summary>
/// Every mail NocBoard sends is queued here first, in the same commit as what caused it, and sent by
/// <see cref="SmtpMailSender"/> afterwards. The message is stored whole, with its Message-ID fixed
/// at queueing time, so a retry after a crash sends the very same message (receivers can tell).
/// </summary>
public static class MailOutbox
{
    public const string Kind = "mail.send";

    /// <summary>Marks mail NocBoard sent, so that it never answers its own mail (RT's RT-Loop-Prevention).</summary>
    public const string LoopHeader = "X-NocBoard-Loop";

    /// <summary>Queues a mail inside a ticket change (notifications, autoreplies).</summary>
    /// <remarks>
    /// The Message-ID is recorded against the ticket in the same commit, so a reply that lost the
    /// subject tag still threads by In-Reply-To; and the mail answers the ticket's latest message
    /// (In-Reply-To/References) unless the caller set those itself.
    /// </remarks>
    public static void Enqueue(TicketChangeContext ctx, MimeMessage message, string idempotencyKey, TicketTransaction? transaction = null)
    {
        Prepare(message);
        var ticketId = transaction?.TicketId ?? ctx.Ticket?.Id;
        if (ticketId is { } id)
        {
            ThreadOnto(ctx.Db, message, id);
            Remember(ctx.Db, message, id, ctx.Now);
        }
        ctx.Enqueue(Kind, Serialize(message), idempotencyKey, transaction);
    }

    /// <summary>
    /// Queues a mail outside a ticket change (digests, error replies), unless one with the same key
    /// was queued already; returns whether it was queued now. Saves at once.
    /// </summary>
    public static async Task<bool> EnqueueAsync(NocDbContext db, TimeProvider clock, MimeMessage message, string idempotencyKey,
        int? ticketId = null, CancellationToken ct = default)
    {
        if (await db.Outbox.AnyAsync(m => m.IdempotencyKey == idempotencyKey, ct)) return false;
        Add(db, clock, message, idempotencyKey, ticketId);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Queued meanwhile by another instance: that copy is the one sent.
            if (await db.Outbox.AsNoTracking().AnyAsync(m => m.IdempotencyKey == idempotencyKey, ct)) return false;
            throw;
        }
    }

    /// <summary>
    /// Adds a mail to the context, to be saved with the caller's other writes, for callers that
    /// already made sure, in the same database transaction, that the key was not queued before.
    /// </summary>
    public static void Add(NocDbContext db, TimeProvider clock, MimeMessage message, string idempotencyKey, int? ticketId)
    {
        Prepare(message);
        var now = clock.GetUtcNow();
        if (ticketId is { } id)
        {
            ThreadOnto(db, message, id);
            Remember(db, message, id, now);
        }
        db.Outbox.Add(new OutboxMessage
        {
            Kind = Kind,
            Payload = Serialize(message),
            IdempotencyKey = idempotencyKey,
            TicketId = ticketId,
            Created = now,
            AvailableAt = now,
        });
    }

    /// <summary>The stored message, as it will be sent.</summary>
    public static MimeMessage Deserialize(string payload)
    {
        var stored = JsonSerializer.Deserialize<StoredMail>(payload)
                     ?? throw new InvalidOperationException("The outbox payload holds no mail.");
        using var stream = new MemoryStream(Convert.FromBase64String(stored.Mime));
        return MimeMessage.Load(stream);
    }

    private static void Remember(NocDbContext db, MimeMessage message, int ticketId, DateTimeOffset now) =>
        db.Add(new MailMessageRef { MessageId = message.MessageId ?? "", TicketId = ticketId, Direction = MailDirection.Sent, Recorded = now });

    private static void ThreadOnto(NocDbContext db, MimeMessage message, int ticketId)
    {
        if (!string.IsNullOrEmpty(message.InReplyTo) || message.References.Count > 0) return;
        // Synchronous: Enqueue is called from inside ticket changes, which are not async at that point.
        // The ticket's first and latest Message-IDs, in one query.
        var refs = db.Set<MailMessageRef>().AsNoTracking().Where(r => r.TicketId == ticketId);
        var ends = refs.Where(r => r.Id == refs.Min(m => m.Id) || r.Id == refs.Max(m => m.Id))
            .OrderBy(r => r.Id).Select(r => r.MessageId).ToList();
        if (ends.Count == 0) return;
        var (first, last) = (ends[0], ends[^1]);
        message.InReplyTo = last;
        if (first is not null && first != last) message.References.Add(first);
        message.References.Add(last);
    }

    private static void Prepare(MimeMessage message)
    {
        if (!message.Headers.Contains(LoopHeader)) message.Headers.Add(LoopHeader, "1");
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeUtils.GenerateMessageId();
        if (message.Date == default) message.Date = DateTimeOffset.UtcNow;
    }

    private static string Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return JsonSerializer.Serialize(new StoredMail(message.MessageId ?? "", Convert.ToBase64String(stream.ToArray())));
    }

    private sealed record StoredMail(string MessageId, string Mime);
}
