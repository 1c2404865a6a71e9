using Microsoft.EntityFrameworkCore;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Monitoring;

/// <summary>
/// Starts a problem episode on the ticket just created for it, in the same commit: the episode row
/// becomes the key's current one (taking over from <paramref name="Previous"/>, whose ticket the new
/// one refers to). If another writer got there first, the change is refused as a conflict and the
/// intake decides again.
/// </summary>
internal sealed record OpenAlertEpisode(int SourceId, Alert Alert, long? Previous) : TicketChange
{
    public AlertEpisode? Episode { get; private set; }

    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var currentKey = AlertEpisode.CurrentKeyOf(SourceId, Alert.Key);
        var current = await ctx.Db.Set<AlertEpisode>().SingleOrDefaultAsync(e => e.CurrentKey == currentKey, ct);
        if (current?.Id != Previous)
            throw AlertRace.Lost(Alert.Key);
        if (current is not null)
        {
            current.CurrentKey = null;
            await ctx.Db.SaveChangesAsync(ct);   // free the unique key before the new episode takes it
            await new AddLink(LinkKind.RefersTo, current.TicketId).ExecuteAsync(ctx, ct);
        }
        Episode = new AlertEpisode
        {
            SourceId = SourceId,
            Key = Alert.Key,
            TicketId = ctx.Ticket.Id,
            CurrentKey = currentKey,
            State = AlertState.Problem,
            Severity = Alert.Severity,
            Count = 1,
            FirstSeen = ctx.Now,
            LastSeen = ctx.Now,
            ProblemSince = Alert.StartsAt is { } starts && starts <= ctx.Now ? starts : ctx.Now,
        };
        AlertFlapping.Start(Episode, ctx.Now);
        ctx.Db.Add(Episode);
    }
}

/// <summary>
/// Applies one alert to the ticket of the key's current episode, inside the write: repeats count,
/// recoveries resolve (or comment) with the outage duration, acknowledgements comment, a return
/// within the reopen window reopens, flapping and downtime are recorded without moving the status.
/// Flapping is what the source says (FLAPPINGSTART/STOP) or what <paramref name="Flap"/> detects;
/// detected flapping ends when the check settles (here, or in <see cref="SettleAlertFlapping"/>).
/// Everything it records is of type Alert, except status moves and comments a person should see.
/// </summary>
internal sealed record ApplyAlert(long EpisodeId, Alert Alert, RecoveryAction OnRecovery, TimeSpan ReopenWindow, FlapDetection Flap) : TicketChange
{
    public AlertEpisode? Episode { get; private set; }
    public string Action { get; private set; } = "ignored";

    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        // Found without a query when the write is one of a group that read the episodes ahead.
        var episode = await ctx.Db.Set<AlertEpisode>().FindAsync([EpisodeId], ct);
        if (episode is null || episode.CurrentKey is null)
            throw AlertRace.Lost(Alert.Key);
        var ticket = ctx.Ticket;
        var inactive = ctx.Lifecycle.IsInactive(ticket.Status);
        if (AlertPlan.Decide(episode, inactive, ticket.Resolved, Alert.State, ReopenWindow, ctx.Now) != AlertPlanKind.Apply)
            throw AlertRace.Lost(Alert.Key);

        Episode = episode;
        episode.Count++;
        episode.LastSeen = ctx.Now;
        if (Alert.Severity is not null && Alert.State == AlertState.Problem) episode.Severity = Alert.Severity;

        var changes = Alert.State is AlertState.Problem or AlertState.Ok && Alert.State != episode.State;
        if (!changes && AlertFlapping.HasSettled(episode, Flap, ctx.Now))
        {
            // Quiet for a whole window: the check has settled, and the ticket follows it again.
            episode.Flapping = false;
            Record(ctx, "FlappingStop", $"settled: no state change for {OutageText.Of(Flap.Window)}");
            if (episode.State == AlertState.Ok && !inactive)
            {
                Action = "settled-" + await AlertRecovery.RecoverAsync(ctx, episode, Alert.Summary, OnRecovery, ct);
                return;
            }
        }
        var startsFlapping = changes && AlertFlapping.NoteChange(episode, Flap, ctx.Now);
        if (startsFlapping)
            Record(ctx, "FlappingStart", $"detected: {Flap.Describe()}");

        if (inactive)
        {
            await ReopenAsync(ctx, episode, ct);
            return;
        }
        switch (Alert.State)
        {
            case AlertState.Problem when episode.Flapping:
            case AlertState.Ok when episode.Flapping:
                // While flapping the ticket stays as it is: no status ping-pong, no mail per flap.
                episode.State = Alert.State;
                Record(ctx, "Flap", $"{Alert.NameOf(Alert.State)} ({episode.Count})");
                Action = "flap";
                break;
            case AlertState.Problem when episode.State == AlertState.Problem:
                Record(ctx, "Repeat", episode.Count.ToString());
                Action = "repeat";
                break;
            case AlertState.Problem:
                episode.State = AlertState.Problem;
                episode.ProblemSince = ctx.Now;
                Record(ctx, "Returned", Alert.Summary);
                Action = "returned";
                break;
            case AlertState.Ok when episode.State == AlertState.Ok:
                Record(ctx, "Repeat", episode.Count.ToString());
                Action = "repeat";
                break;
            case AlertState.Ok:
                Action = await AlertRecovery.RecoverAsync(ctx, episode, Alert.Summary, OnRecovery, ct);
                break;
            case AlertState.Acknowledgement:
                episode.Acknowledged = true;
                await new Comment(new TicketMessage($"Acknowledged in {Alert.Source}: {Alert.Summary}\n\n{Alert.Details}".Trim()))
                    .ExecuteAsync(ctx, ct);
                Action = "acknowledged";
                break;
            case AlertState.FlappingStart:
                if (!episode.Flapping) Record(ctx, "FlappingStart", Alert.Summary);
                episode.Flapping = true;
                episode.FlappingBySource = true;
                Action = "flapping";
                break;
            case AlertState.FlappingStop:
                var wasOk = episode.State == AlertState.Ok;
                episode.Flapping = false;
                episode.FlappingBySource = false;
                Record(ctx, "FlappingStop", Alert.Summary);
                Action = "flapping-stopped";
                // Stopped in OK: a recovery, also when the last flap had already said ok.
                if (Alert.SeverityIsOk)
                {
                    if (!wasOk) episode.LastStateChange = ctx.Now;   // a change, but not one that starts detected flapping
                    Action = await AlertRecovery.RecoverAsync(ctx, episode, Alert.Summary, OnRecovery, ct);
                }
                break;
            case AlertState.Update:
                await new Comment(new TicketMessage($"Updated in {Alert.Source}: {Alert.Summary}\n\n{Alert.Details}".Trim()))
                    .ExecuteAsync(ctx, ct);
                Action = "updated";
                break;
            case AlertState.DowntimeStart:
            case AlertState.DowntimeEnd:
                episode.InDowntime = Alert.State == AlertState.DowntimeStart;
                Record(ctx, Alert.State == AlertState.DowntimeStart ? "DowntimeStart" : "DowntimeEnd", Alert.Summary);
                Action = Alert.NameOf(Alert.State);
                break;
        }
    }

    private async Task ReopenAsync(TicketChangeContext ctx, AlertEpisode episode, CancellationToken ct)
    {
        var lifecycle = ctx.Lifecycle;
        var to = lifecycle.OnStaffCorrespond is { } open && lifecycle.GroupOf(open) == StatusGroup.Active
            ? open
            : lifecycle.InGroup(StatusGroup.Active).First();
        episode.State = AlertState.Problem;
        episode.ProblemSince = ctx.Now;
        episode.Acknowledged = false;
        Record(ctx, "Returned", Alert.Summary);
        await new SetStatus(to, Force: true).ExecuteAsync(ctx, ct);
        Action = "reopened";
    }

    private void Record(TicketChangeContext ctx, string what, string? value) =>
        ctx.Record(TransactionType.Alert, what, Alert.NameOf(Alert.State), value);
}

/// <summary>A recovery on the episode's ticket: the outage duration recorded, then resolved or left with a comment, as the source says.</summary>
internal static class AlertRecovery
{
    /// <summary>Returns the action: "resolved" or "recovered".</summary>
    public static async Task<string> RecoverAsync(TicketChangeContext ctx, AlertEpisode episode, string summary, RecoveryAction onRecovery, CancellationToken ct)
    {
        var since = episode.ProblemSince ?? episode.FirstSeen;
        var outage = ctx.Now - since;
        episode.State = AlertState.Ok;
        episode.ProblemSince = null;
        episode.LastOutage = outage;
        var text = $"Recovered: {summary}\nOutage: {OutageText.Of(outage)} (problem since {since:yyyy-MM-dd HH:mm:ss} UTC, recovered {ctx.Now:yyyy-MM-dd HH:mm:ss} UTC).";
        ctx.Record(TransactionType.Alert, "Recovery", since.ToString("O"), OutageText.Of(outage),
            attachments: new TicketMessage(text).ToAttachments(ctx.Options));
        if (onRecovery == RecoveryAction.Resolve)
        {
            var resolved = ctx.Lifecycle.IsValid("resolved") ? "resolved" : ctx.Lifecycle.InGroup(StatusGroup.Inactive).First();
            await new SetStatus(resolved, Force: true).ExecuteAsync(ctx, ct);
            return "resolved";
        }
        await new Comment(new TicketMessage(text + "\nLeft open for a person to resolve.")).ExecuteAsync(ctx, ct);
        return "recovered";
    }
}

/// <summary>Raised inside a write when another alert for the same key changed its episode first; the intake decides again.</summary>
internal static class AlertRace
{
    public const string Marker = "The alert's episode changed meanwhile";

    public static TicketRefusedException Lost(string key) =>
        TicketChangeContext.Refuse(TicketErrorKind.Conflict, $"{Marker} (key '{key}').");
}

/// <summary>An outage length as people read it: "2h 5m 30s".</summary>
public static class OutageText
{
    public static string Of(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Seconds > 0 || parts.Count == 0) parts.Add($"{span.Seconds}s");
        return string.Join(" ", parts);
    }
}

/// <summary>
/// Ends flapping NocBoard detected once the check has been quiet for a whole window, when no
/// alert arrives to do it (a recovery is sent once; nothing follows it): the ticket follows the
/// check again, so one that settled in OK recovers. Does nothing if it no longer applies.
/// </summary>
internal sealed record SettleAlertFlapping(long EpisodeId, RecoveryAction OnRecovery, FlapDetection Flap) : TicketChange
{
    public AlertEpisode? Episode { get; private set; }

    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        // Found without a query when the write is one of a group that read the episodes ahead.
        var episode = await ctx.Db.Set<AlertEpisode>().FindAsync([EpisodeId], ct);
        if (episode?.CurrentKey is null || !AlertFlapping.HasSettled(episode, Flap, ctx.Now))
            throw AlertRace.Lost(episode?.Key ?? EpisodeId.ToString());
        Episode = episode;
        episode.Flapping = false;
        ctx.Record(TransactionType.Alert, "FlappingStop", Alert.NameOf(episode.State), $"settled: no state change for {OutageText.Of(Flap.Window)}");
        if (episode.State == AlertState.Ok && !ctx.Lifecycle.IsInactive(ctx.Ticket.Status))
            await AlertRecovery.RecoverAsync(ctx, episode, "the check settled in OK after flapping", OnRecovery, ct);
    }
}
