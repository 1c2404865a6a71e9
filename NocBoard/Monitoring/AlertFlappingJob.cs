using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Tickets;

namespace NocBoard.Monitoring;

/// <summary>
/// Settles flapping that NocBoard detected once the check has had no state change for its
/// source's flap window: monitoring systems send a recovery once and then nothing, so without this
/// a check that flapped and settled in OK would keep its ticket open.
/// </summary>
public sealed class AlertFlappingJob(
    NocDbContext db,
    TicketService tickets,
    ActorLookup actors,
    AlertKeyLocks locks,
    AlertBadges badges,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<AlertFlappingJob> logger) : IScheduledJob
{
    public string Id => "alert-flapping";
    public string Description => "Ends flapping of alert tickets whose check has settled, resolving those that settled in OK.";
    public string DefaultSchedule => "* * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var flapping = await db.Set<AlertEpisode>().AsNoTracking()
            .Where(e => e.CurrentKey != null && e.Flapping && !e.FlappingBySource).ToListAsync(ct);
        if (flapping.Count == 0) return;
        var sources = await db.Set<AlertSource>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var episode in flapping)
        {
            if (!sources.TryGetValue(episode.SourceId, out var source) || !AlertFlapping.HasSettled(episode, source.Flap, now)) continue;
            var actor = await actors.ByNameAsync(options.Value.ActAs, ct);
            if (actor is null)
            {
                logger.LogWarning("The monitoring user '{User}' (Monitoring:ActAs) does not exist; flapping is not settled.", options.Value.ActAs);
                return;
            }
            using var _ = await locks.EnterAsync(source.Id, episode.Key, ct);
            var change = new SettleAlertFlapping(episode.Id, source.OnRecovery, source.Flap);
            var result = await tickets.ApplyAsync(episode.TicketId, change, actor, ct: ct);
            // A refusal means an alert changed the episode meanwhile; the next run looks again.
            if (result.Succeeded && change.Episode is { } settled)
                badges.Set(settled.TicketId, AlertBadges.Of(settled, source.Name));
        }
    }
}
