using Hangfire;
using Hangfire.Storage;

namespace NocBoard.Operations.Jobs;

/// <summary>
/// What Hangfire actually invokes: finds the job by id in a fresh scope and runs it. One run of a
/// job at a time across every instance (a storage lock), so a slow poll is never overlapped by the
/// next one; a run that finds the lock held is skipped, as the next occurrence will do the work.
/// </summary>
public sealed class ScheduledJobRunner(IServiceScopeFactory scopes, JobStorage storage, ILogger<ScheduledJobRunner> logger)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    // Failures are not retried by Hangfire: the job's next occurrence is the retry.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string jobId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().FirstOrDefault(j => j.Id == jobId)
                  ?? throw new InvalidOperationException($"No scheduled job has the id '{jobId}'.");

        IDisposable runLock;
        using var connection = storage.GetConnection();
        try
        {
            runLock = connection.AcquireDistributedLock($"nocboard:job:{jobId}", LockWait);
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogInformation("Job {Job} is already running; this occurrence is skipped.", jobId);
            return;
        }
        using (runLock)
        {
            await job.RunAsync(ct);
        }
    }
}
