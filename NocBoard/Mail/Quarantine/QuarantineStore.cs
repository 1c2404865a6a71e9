using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Mail.Inbound;

namespace NocBoard.Mail.Quarantine;

/// <summary>Puts messages into quarantine together with their receipt (one commit), and takes them out.</summary>
public sealed class QuarantineStore(NocDbContext db, WriteGate gate, TimeProvider clock, ILogger<QuarantineStore> logger)
{
    /// <summary>
    /// Quarantines a message and records its receipt in the same commit. When <paramref name="existingId"/>
    /// names an entry being retried, that entry gets the new reason instead of a second entry.
    /// </summary>
    public async Task<long> AddAsync(QuarantinedMail entry, MailReceipt? receipt, long? existingId, CancellationToken ct)
    {
        await using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            QuarantinedMail row;
            if (existingId is { } id && await db.Set<QuarantinedMail>().SingleOrDefaultAsync(q => q.Id == id, ct) is { } existing)
            {
                existing.Reason = entry.Reason;
                existing.Received = clock.GetUtcNow();
                row = existing;
            }
            else
            {
                entry.Received = clock.GetUtcNow();
                db.Add(entry);
                row = entry;
            }
            await db.SaveChangesAsync(ct);
            if (receipt is not null)
            {
                receipt.QuarantineId = row.Id;
                receipt.Outcome = MailOutcome.Quarantined;
                receipt.Received = clock.GetUtcNow();
                db.Add(receipt);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            logger.LogWarning("Quarantined mail {MessageId} from {Via} (entry {Id}): {Reason}", entry.MessageId, entry.Via, row.Id, entry.Reason);
            return row.Id;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Writes a receipt on its own (a dropped message, or one an interceptor took without a ticket write).</summary>
    public async Task AddReceiptAsync(MailReceipt receipt, CancellationToken ct)
    {
        await using var _ = await gate.EnterAsync(ct);
        try
        {
            receipt.Received = clock.GetUtcNow();
            db.Add(receipt);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Forgets the receipt that points at a quarantine entry, so that the message can be taken in again.</summary>
    public async Task ForgetReceiptAsync(long quarantineId, CancellationToken ct)
    {
        await using var _ = await gate.EnterAsync(ct);
        await db.Set<MailReceipt>().Where(r => r.QuarantineId == quarantineId).ExecuteDeleteAsync(ct);
    }

    public async Task MarkReleasedAsync(long quarantineId, int ticketId, CancellationToken ct)
    {
        await using var _ = await gate.EnterAsync(ct);
        await db.Set<QuarantinedMail>().Where(q => q.Id == quarantineId).ExecuteUpdateAsync(s => s
            .SetProperty(q => q.Released, clock.GetUtcNow())
            .SetProperty(q => q.ReleasedTicketId, ticketId), ct);
    }
}
