namespace NocBoard.Operations.Jobs;

/// <summary>
/// Work NocBoard does by itself on a schedule (polling mailboxes, digests, escalation). Registered
/// with <see cref="JobsFeature.AddScheduledJob{T}"/>; resolved in its own scope for every run.
/// Durable work belongs in the database (tickets, outbox), not in the job: job storage may be
/// in memory and forget everything on restart, so a run must be safe to repeat or to miss.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable id, e.g. "mail-poll"; the key of its schedule under <c>Jobs:Schedules</c>.</summary>
    string Id { get; }

    /// <summary>What it does, in a sentence an operator understands.</summary>
    string Description { get; }

    /// <summary>Cron expression (five fields, or six with seconds) used unless configured otherwise.</summary>
    string DefaultSchedule { get; }

    Task RunAsync(CancellationToken ct);
}
