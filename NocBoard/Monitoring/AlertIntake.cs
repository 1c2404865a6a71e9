using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Monitoring;

/// <summary>An alert that could not be applied; the message says why.</summary>
public sealed class AlertRejectedException(string message) : Exception(message);

/// <summary>
/// Applies alerts to tickets through the single write path, as the monitoring user: a new problem
/// opens a ticket, repeats append to it, a recovery resolves it with the outage duration, a return
/// within the reopen window reopens it, later a new ticket refers to the old one. The episode row
/// changes in the same commit as the ticket. Alerts for one key are taken in turn; a lost race
/// (another process took the key first) is decided again.
/// </summary>
public sealed class AlertIntake(
    NocDbContext db,
    TicketService tickets,
    TicketWriteQueue writeQueue,
    ActorLookup actors,
    AlertTicketMapper mapper,
    AlertKeyLocks locks,
    AlertBadges badges,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<AlertIntake> logger)
{
    private const int MaxAttempts = 5;
    private Actor? actor;

    /// <param name="together">Commit together with the other alerts arriving now (<see cref="TicketWriteQueue"/>).
    /// Not for alerts taken from mail: their message's receipt is written by the caller's scope in the same commit.</param>
    public async Task<AlertOutcome> ApplyAsync(AlertSource source, Alert alert, CancellationToken ct = default, bool together = false)
    {
        actor ??= await actors.ByNameAsync(options.Value.ActAs, ct)
                  ?? throw new AlertRejectedException($"The monitoring user '{options.Value.ActAs}' (Monitoring:ActAs) does not exist.");
        if (alert.KeyIsPattern)
        {
            if (await AlertKeyPattern.ResolveAsync(db, source.Id, alert.Key, ct) is not { } key)
                return new AlertOutcome(alert.Key, "ignored", null, $"No open problem has a key like '{alert.Key}'.");
            alert = alert with { Key = key, KeyIsPattern = false };
        }
        var currentKey = AlertEpisode.CurrentKeyOf(source.Id, alert.Key);
        using var _ = await locks.EnterAsync(source.Id, alert.Key, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var found = await db.Set<AlertEpisode>().AsNoTracking().Where(e => e.CurrentKey == currentKey)
                .Select(e => new { Episode = e, db.Tickets.Single(t => t.Id == e.TicketId).Resolved })
                .SingleOrDefaultAsync(ct);
            var current = found?.Episode;
            // Entering an inactive status sets Resolved and leaving one clears it, so it tells inactive tickets here.
            var plan = AlertPlan.Decide(current, found?.Resolved is not null, found?.Resolved, alert.State, source.ReopenWindow, clock.GetUtcNow());
            if (plan == AlertPlanKind.Ignore)
                return new AlertOutcome(alert.Key, "ignored", current?.TicketId,
                    current is null ? $"No open problem for key '{alert.Key}'." : $"Ticket #{current.TicketId} is resolved.");

            TicketChangeResult result;
            AlertEpisode? episode;
            string action;
            try
            {
                if (plan == AlertPlanKind.Apply)
                {
                    var change = new ApplyAlert(current!.Id, alert, source.OnRecovery, source.ReopenWindow, source.Flap);
                    result = together
                        ? await writeQueue.ApplyAsync(current.TicketId, [change], actor, ct: ct)
                        : await tickets.ApplyAsync(current.TicketId, [change], actor, ct: ct);
                    (episode, action) = (change.Episode, change.Action);
                }
                else
                {
                    var change = new OpenAlertEpisode(source.Id, alert, current?.Id);
                    var ticket = await mapper.BuildAsync(source, alert, ct);
                    result = together
                        ? await writeQueue.CreateAsync(ticket, [change], actor, ct)
                        : await tickets.CreateAsync(ticket, [change], actor, ct);
                    (episode, action) = (change.Episode, plan == AlertPlanKind.Create ? "created" : "created-referring");
                }
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                // The unique current key: another process opened this key's episode first.
                logger.LogInformation("Alert {Key} of {Source} lost a race ({Error}); deciding again", alert.Key, source.Name, e.InnerException?.Message ?? e.Message);
                continue;
            }

            if (result.Succeeded)
            {
                badges.Set(episode!.TicketId, AlertBadges.Of(episode, source.Name));
                return new AlertOutcome(alert.Key, action, result.Ticket!.Id);
            }
            if (result.Error!.Kind == TicketErrorKind.Conflict && attempt < MaxAttempts)
                continue;
            throw new AlertRejectedException(result.Error.Message);
        }
    }
}
