using NocBoard.Data;

namespace NocBoard.Monitoring;

/// <summary>Keeps alerts that could not be taken, with the raw payload and the reason, for the admin page.</summary>
public sealed class AlertRejections(NocDbContext db, WriteGate gate, TimeProvider clock, ILogger<AlertRejections> logger)
{
    public const int MaxPayloadChars = 1_000_000;

    public async Task<long> StoreAsync(string via, string? source, string reason, string payload, CancellationToken ct = default)
    {
        logger.LogWarning("Rejected an alert from {Via} (source {Source}): {Reason}", via, source ?? "unknown", reason);
        await using var _ = await gate.EnterAsync(ct);
        db.ChangeTracker.Clear();
        var row = new RejectedAlert
        {
            Received = clock.GetUtcNow(),
            Via = via,
            Source = source,
            Reason = reason.Length > 4000 ? reason[..4000] : reason,
            Payload = payload.Length > MaxPayloadChars ? payload[..MaxPayloadChars] : payload,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return row.Id;
    }
}
