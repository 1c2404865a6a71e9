using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;
using NocBoard.Data;
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

    /// <summary>Queues a mail inside a ticket change (notifications, autoreplies).</summary>
    public static void Enqueue(TicketChangeContext ctx, MimeMessage message, string idempotencyKey, TicketTransaction? transaction = null)
    {
        Prepare(message);
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
        Prepare(message);
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Kind = Kind,
            Payload = Serialize(message),
            IdempotencyKey = idempotencyKey,
            TicketId = ticketId,
            Created = now,
            AvailableAt = now,
        });
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

    /// <summary>The stored message, as it will be sent.</summary>
    public static MimeMessage Deserialize(string payload)
    {
        var stored = JsonSerializer.Deserialize<StoredMail>(payload)
                     ?? throw new InvalidOperationException("The outbox payload holds no mail.");
        using var stream = new MemoryStream(Convert.FromBase64String(stored.Mime));
        return MimeMessage.Load(stream);
    }

    private static void Prepare(MimeMessage message)
    {
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
