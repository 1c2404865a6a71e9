using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Operations.Jobs;

namespace NocBoard.Automation.Admin;

/// <summary>One scheduled job as the jobs page shows it, read from Hangfire's storage.</summary>
public sealed record JobStatus(string Id, string Description, string Schedule, DateTime? LastRun, DateTime? NextRun, string? Outcome, string? Error);

/// <summary>Every scheduled job with its schedule, last and next run and outcome; and running one now. SuperUser only.</summary>
public sealed class JobsAdmin(
    IEnumerable<IScheduledJob> jobs,
    JobStorage storage,
    IRecurringJobManager recurring,
    IBackgroundJobClient background,
    ScheduledJobRegistrar registrar,
    AdminRights rights,
    IOptions<JobsOptions> options)
{
    public string DashboardPath => options.Value.DashboardPath;

    public async Task<AdminResult<IReadOnlyList<JobStatus>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!await rights.HasAsync(actor, Right.SuperUser, null, ct))
            return AdminResult<IReadOnlyList<JobStatus>>.Refused(new(AdminErrorKind.Forbidden, "You may not see the scheduled jobs: that needs the SuperUser right."));
        using var connection = storage.GetConnection();
        var registered = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        return AdminResult<IReadOnlyList<JobStatus>>.Ok(jobs.OrderBy(j => j.Id).Select(job =>
        {
            registered.TryGetValue(job.Id, out var r);
            return new JobStatus(job.Id, job.Description, r?.Cron ?? registrar.ScheduleOf(job), r?.LastExecution, r?.NextExecution,
                r?.LastJobState, r?.Error);
        }).ToList());
    }

    /// <summary>Runs a job now (a job whose schedule is off is run once all the same).</summary>
    public async Task<AdminResult> RunNowAsync(Actor actor, string jobId, CancellationToken ct = default)
    {
        if (!await rights.HasAsync(actor, Right.SuperUser, null, ct))
            return AdminResult.Refused(new(AdminErrorKind.Forbidden, "You may not run scheduled jobs: that needs the SuperUser right."));
        if (jobs.All(j => j.Id != jobId)) return AdminResult.Refused(new(AdminErrorKind.NotFound, $"There is no scheduled job '{jobId}'."));
        using var connection = storage.GetConnection();
        if (connection.GetRecurringJobs().Any(j => j.Id == jobId)) recurring.Trigger(jobId);
        else background.Enqueue<ScheduledJobRunner>(r => r.RunAsync(jobId, CancellationToken.None));
        return AdminResult.Ok;
    }
}
