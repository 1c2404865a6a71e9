using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Operations.Jobs;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Operations.Jobs;

public class ScheduledJobTests
{
    /// <summary>Counts its runs in a singleton the test holds.</summary>
    private sealed class CountingJob(RunLog log) : IScheduledJob
    {
        public string Id => "test-count";
        public string Description => "counts its runs";
        public string DefaultSchedule => "0 3 * * *";

        public Task RunAsync(CancellationToken ct)
        {
            log.Ran.Release();
            return Task.CompletedTask;
        }
    }

    private sealed class RunLog
    {
        public SemaphoreSlim Ran { get; } = new(0);
    }

    private static Task<Scenario> StartAsync(RunLog log, string? schedule = null) => Scenario.StartAsync(
        schedule is null ? null : new Dictionary<string, string?> { ["Jobs:Schedules:test-count"] = schedule },
        services =>
        {
            services.AddSingleton(log);
            services.AddScheduledJob<CountingJob>();
        });

    private static RecurringJobDto? Recurring(Scenario scenario, string id)
    {
        using var connection = scenario.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id);
    }

    [Fact]
    public async Task A_Job_Is_Scheduled_At_Start_With_Its_Default_Schedule()
    {
        await using var scenario = await StartAsync(new RunLog());
        var job = Recurring(scenario, "test-count");
        Assert.NotNull(job);
        Assert.Equal("0 3 * * *", job.Cron);
    }

    [Fact]
    public async Task A_Configured_Schedule_Overrides_The_Default_And_Off_Unschedules()
    {
        await using (var scenario = await StartAsync(new RunLog(), "*/10 * * * *"))
            Assert.Equal("*/10 * * * *", Recurring(scenario, "test-count")?.Cron);
        await using (var scenario = await StartAsync(new RunLog(), "off"))
            Assert.Null(Recurring(scenario, "test-count"));
    }

    [Fact]
    public async Task A_Bad_Schedule_Stops_Start_Up_Naming_The_Job()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var scenario = await StartAsync(new RunLog(), "every tuesday");
        });
        Assert.Contains("Jobs:Schedules:test-count", error.ToString());
    }

    [Fact]
    public async Task Triggering_A_Job_Runs_It_In_The_Background()
    {
        var log = new RunLog();
        await using var scenario = await StartAsync(log);
        scenario.Services.GetRequiredService<IRecurringJobManager>().Trigger("test-count");
        Assert.True(await log.Ran.WaitAsync(TimeSpan.FromSeconds(30)), "the triggered job did not run");
    }

    [Fact]
    public async Task Two_Hosts_In_One_Process_Keep_Their_Own_Jobs()
    {
        await using var first = await StartAsync(new RunLog());
        await using var second = await Scenario.StartAsync();
        Assert.NotNull(Recurring(first, "test-count"));
        Assert.Null(Recurring(second, "test-count"));
    }

    [Fact]
    public async Task The_Hangfire_Dashboard_Is_For_SuperUsers_Only()
    {
        await using var scenario = await StartAsync(new RunLog());
        await scenario.UserAsync("alice");

        using var anonymous = WebSession.For(scenario.App);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("admin/hangfire")).StatusCode);

        using var agent = WebSession.For(scenario.App);
        await agent.LoginAsync("alice", "Agent-Password-1");
        Assert.True(agent.HasAuthCookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("admin/hangfire")).StatusCode);

        using var root = WebSession.For(scenario.App);
        await root.LoginAsync("root", NocAppFactory.RootPassword);
        var page = await root.GetPageAsync("admin/hangfire/recurring");
        Assert.Contains("test-count", page);
    }
}
