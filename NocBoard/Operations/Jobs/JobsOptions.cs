namespace NocBoard.Operations.Jobs;

/// <summary>Settings under "Jobs": when scheduled jobs run.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Cron expression per job id, overriding its default (e.g. "mail-poll": "*/5 * * * *");
    /// "off" disables the job's schedule (it can still be run by hand).</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Jobs run at once by this instance.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Where SuperUsers find Hangfire's own dashboard.</summary>
    public string DashboardPath { get; set; } = "/admin/hangfire";
}
