using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;

namespace NocBoard.Outbox;

/// <summary>
/// Carries out committed outbox messages with their handlers, retrying failures with exponential
/// backoff. A message is claimed with a conditional update before it is handled, so two app
/// instances never handle the same message at once, and marked processed only after its handler
/// succeeded: a crash in between means it is handled again, which is what idempotency keys in the
/// handlers are for.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<OutboxOptions> options,
    OutboxSignal signal,
    CommitDurability durability,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> handlersByKind = handlers.ToDictionary(h => h.Kind);
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox dispatcher failed; it will try again.");
            }
            try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Handles the messages due now; returns how many were tried.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NocDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Processed == null && m.Failed == null && m.AvailableAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Take(50)
            .ToListAsync(ct);
        // Never act on a commit that could still vanish in a power cut (it is on disk within a millisecond).
        if (due.Count == 0) return 0;
        await durability.WaitAsync();

        // A claim value of this run's own (the odd tick), so that the rows it got can be told apart.
        var claimedUntil = now + options.Value.ClaimTimeout + TimeSpan.FromTicks(Random.Shared.Next(1, 1_000_000));
        var mine = await ClaimAsync(db, due, now, claimedUntil, ct);
        var started = 0;
        try
        {
            // Hand back what is left well before the claim runs out (slow relays), rather than let
            // another dispatcher take over a message this one may still be handling.
            while (started < mine.Count && clock.GetUtcNow() <= now + options.Value.ClaimTimeout / 2)
                await HandleAsync(db, mine[started++], ct);
        }
        finally
        {
            // Also on a stop: what was claimed and not started is free again at once, not after the claim time.
            if (started < mine.Count)
            {
                var rest = mine.Skip(started).Select(m => m.Id).ToList();
                await db.Outbox.Where(m => rest.Contains(m.Id) && m.Processed == null && m.LockedUntil == claimedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }
        return started;
    }

    /// <summary>
    /// Claims the due messages with one conditional update (not one per message); the ones this
    /// dispatcher got are those that carry its claim, in the order they were queued.
    /// </summary>
    private static async Task<List<OutboxMessage>> ClaimAsync(NocDbContext db, List<OutboxMessage> due, DateTimeOffset now,
        DateTimeOffset claimedUntil, CancellationToken ct)
    {
        var ids = due.Select(m => m.Id).ToList();
        var claimed = await db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Processed == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil), ct);
        if (claimed == due.Count) return due;
        if (claimed == 0) return [];
        // Another dispatcher took some of them meanwhile.
        var ours = (await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedUntil == claimedUntil)
            .Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        return due.Where(m => ours.Contains(m.Id)).ToList();
    }

    private async Task HandleAsync(NocDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        if (!handlersByKind.TryGetValue(message.Kind, out var handler))
        {
            logger.LogError("No handler for outbox message {Id} of kind {Kind}; marking it failed.", message.Id, message.Kind);
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Failed, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, $"No handler for kind '{message.Kind}'."), ct);
            return;
        }

        try
        {
            await handler.HandleAsync(message, ct);
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Processed, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var giveUp = attempts >= options.Value.MaxAttempts;
            var retryAt = clock.GetUtcNow() + Backoff(attempts);
            logger.LogWarning(e, "Outbox message {Id} ({Kind}) failed on attempt {Attempt}{Outcome}.",
                message.Id, message.Kind, attempts, giveUp ? "; giving up" : "; will retry");
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.AvailableAt, retryAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Failed, giveUp ? clock.GetUtcNow() : null), CancellationToken.None);
        }
    }

    /// <summary>10 s, 20 s, 40 s ... capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
