using Microsoft.Extensions.DependencyInjection;
using NocBoard.Monitoring;
using NocBoard.Operations.Jobs;
using NocBoard.Tickets;
using static NocBoard.Tests.Monitoring.AlertTestKit;

namespace NocBoard.Tests.Monitoring;

/// <summary>NocBoard's own flap detection: the monitoring system need not say FLAPPINGSTART.</summary>
public class AlertFlappingTests
{
    private static async Task<int> StatusMovesAsync(AlertTestKit kit, int ticketId) =>
        (await kit.TransactionsAsync(ticketId)).Count(t => t.Type == TransactionType.Status);

    private static Task RunJobAsync(AlertTestKit kit) =>
        kit.Scenario.InScopeAsync(sp => sp.GetServices<IScheduledJob>().Single(j => j.Id == "alert-flapping").RunAsync(default));

    /// <summary>problem, ok, problem, ok, problem: the fifth change (the default) within 30 minutes is flapping.</summary>
    private static async Task<int> FlapUntilDetectedAsync(AlertTestKit kit)
    {
        var opened = await kit.SendAsync(Problem());
        foreach (var alert in new[] { Ok(), Problem(), Ok(), Problem() })
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(2));
            await kit.SendAsync(alert);
        }
        return opened.TicketId!.Value;
    }

    [Fact]
    public async Task Changes_Within_The_Window_Mark_The_Ticket_Flapping_And_Then_It_Stops_Moving()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var ticketId = await FlapUntilDetectedAsync(kit);
        // Resolved, reopened, resolved, reopened: the fifth change reopened it and marked it flapping.
        Assert.Equal(4, await StatusMovesAsync(kit, ticketId));
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.True(episode.Flapping);
        Assert.False(episode.FlappingBySource);
        var detected = Assert.Single(await kit.TransactionsAsync(ticketId), t => t.Field == "FlappingStart");
        Assert.Equal("detected: 5 state changes within 30m", detected.NewValue);
        var badge = kit.Scenario.Services.GetRequiredService<AlertBadges>().For(ticketId);
        Assert.True(badge!.Flapping);

        for (var i = 0; i < 6; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            var flap = await kit.SendAsync(i % 2 == 0 ? Ok() : Problem());
            Assert.Equal("flap", flap.Action);
        }
        Assert.Equal(4, await StatusMovesAsync(kit, ticketId));
        Assert.Equal("open", (await kit.TicketAsync(ticketId)).Status);
        Assert.Equal(6, (await kit.TransactionsAsync(ticketId)).Count(t => t.Field == "Flap"));
    }

    [Fact]
    public async Task A_Check_That_Settles_In_Ok_Is_Resolved_By_The_Next_Alert_Or_By_The_Job_After_A_Quiet_Window()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var ticketId = await FlapUntilDetectedAsync(kit);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("flap", (await kit.SendAsync(Ok())).Action);

        // Not quiet long enough yet: the job leaves it.
        kit.Clock.Advance(TimeSpan.FromMinutes(29));
        await RunJobAsync(kit);
        Assert.Equal("open", (await kit.TicketAsync(ticketId)).Status);

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunJobAsync(kit);
        Assert.Equal("resolved", (await kit.TicketAsync(ticketId)).Status);
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.False(episode.Flapping);
        Assert.Equal(AlertState.Ok, episode.State);
        var history = await kit.TransactionsAsync(ticketId);
        Assert.Equal("settled: no state change for 30m", Assert.Single(history, t => t.Field == "FlappingStop").NewValue);
        Assert.Equal(3, history.Count(t => t.Field == "Recovery"));
        Assert.False(kit.Scenario.Services.GetRequiredService<AlertBadges>().For(ticketId)!.Flapping);
    }

    [Fact]
    public async Task A_Repeated_Ok_After_A_Quiet_Window_Settles_And_Resolves()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var ticketId = await FlapUntilDetectedAsync(kit);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("flap", (await kit.SendAsync(Ok())).Action);
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("settled-resolved", (await kit.SendAsync(Ok())).Action);
        Assert.Equal("resolved", (await kit.TicketAsync(ticketId)).Status);
        Assert.False(Assert.Single(await kit.EpisodesAsync()).Flapping);
    }

    [Fact]
    public async Task A_Check_That_Settles_In_Problem_Stays_Open_And_Its_Next_Recovery_Resolves_It()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var ticketId = await FlapUntilDetectedAsync(kit);
        kit.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal("repeat", (await kit.SendAsync(Problem())).Action);
        Assert.Single(await kit.TransactionsAsync(ticketId), t => t.Field == "FlappingStop");
        Assert.Equal("open", (await kit.TicketAsync(ticketId)).Status);

        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("resolved", (await kit.SendAsync(Ok())).Action);
        Assert.Equal("resolved", (await kit.TicketAsync(ticketId)).Status);
    }

    [Fact]
    public async Task Detection_Is_Per_Source_And_Off_When_Set_To_Zero()
    {
        await using var kit = await AlertTestKit.StartAsync();
        await kit.UpdateSourceAsync("nagios", s => s.FlapChanges = 0);
        var ticketId = await FlapUntilDetectedAsync(kit);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("resolved", (await kit.SendAsync(Ok())).Action);
        Assert.Equal(5, await StatusMovesAsync(kit, ticketId));
        Assert.False(Assert.Single(await kit.EpisodesAsync()).Flapping);

        // Another source keeps the default and detects it.
        await kit.UpdateSourceAsync("zabbix", s => (s.FlapChanges, s.FlapWindowMinutes) = (3, 10));
        var zabbix = await kit.SendAsync(Problem(key: "db-fra1", source: "zabbix", severity: "High"));
        await kit.SendAsync(Ok(key: "db-fra1", source: "zabbix"));
        var third = await kit.SendAsync(Problem(key: "db-fra1", source: "zabbix", severity: "High"));
        Assert.Equal("reopened", third.Action);
        Assert.Equal("flap", (await kit.SendAsync(Ok(key: "db-fra1", source: "zabbix"))).Action);
        Assert.True((await kit.EpisodesAsync()).Single(e => e.TicketId == zabbix.TicketId).Flapping);
    }

    [Fact]
    public async Task Changes_Spread_Wider_Than_The_Window_Are_Not_Flapping()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var opened = await kit.SendAsync(Problem());
        foreach (var alert in new[] { Ok(), Problem(), Ok(), Problem(), Ok() })
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(9));   // five changes span 45 minutes: never five within 30
            await kit.SendAsync(alert);
        }
        Assert.False(Assert.Single(await kit.EpisodesAsync()).Flapping);
        Assert.Equal("resolved", (await kit.TicketAsync(opened.TicketId!.Value)).Status);
        Assert.Equal(5, await StatusMovesAsync(kit, opened.TicketId.Value));
    }
}
