using Cronos;
using Hangfire;
using Microsoft.Extensions.Options;
using NocBoard.Site;

namespace NocBoard.Operations.Jobs;

/// <summary>
/// Registers every <see cref="IScheduledJob"/> as a Hangfire recurring job at start-up (job storage
/// may be in memory, so this happens on every start), and removes the schedule of a job switched off.
/// </summary>
public sealed class ScheduledJobRegistrar(
    IServiceScopeFactory scopes,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options,
    IOptions<SiteOptions> site) : IHostedService
{
    public const string Off = "off";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone);
        using var scope = scopes.CreateScope();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            var schedule = ScheduleOf(job);
            if (schedule.Equals(Off, StringComparison.OrdinalIgnoreCase))
            {
                recurring.RemoveIfExists(job.Id);
                continue;
            }
            var id = job.Id;
            recurring.AddOrUpdate<ScheduledJobRunner>(id, r => r.RunAsync(id, CancellationToken.None), schedule,
                new RecurringJobOptions { TimeZone = timeZone });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The configured schedule of a job, checked so a typo fails start-up with the job's name.</summary>
    public string ScheduleOf(IScheduledJob job)
    {
        var schedule = options.Value.Schedules.TryGetValue(job.Id, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : job.DefaultSchedule;
        if (schedule.Equals(Off, StringComparison.OrdinalIgnoreCase)) return Off;
        try
        {
            var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            CronExpression.Parse(schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException(
                $"Jobs:Schedules:{job.Id} is not a valid cron expression ('{schedule}'): {e.Message}", e);
        }
        return schedule;
    }
}
