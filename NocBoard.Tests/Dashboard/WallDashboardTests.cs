using NocBoard.Accounts.Rights;
using NocBoard.Tests.Accounts.WallDisplays;
using NocBoard.Tests.Support;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Dashboard;

public class WallDashboardTests
{
    [Fact]
    public async Task The_Wall_Dashboard_Shows_Queue_Counts_Unowned_And_Due_Tickets_Without_Menus()
    {
        await using var s = await Scenario.StartAsync();
        var id = await s.TicketAsync("Core router down in FRA1");
        await s.ApplyAsync(await s.RootAsync(), id, new SetField(TicketField.Priority, "95"));
        await s.ApplyAsync(await s.RootAsync(), id, new SetField(TicketField.Due, DateTimeOffset.UtcNow.AddHours(3).ToString("o")));
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);

        var page = await web.GetPageAsync("wall/dashboard");

        Assert.Contains("data-testid=\"wall-clock\"", page);
        Assert.Contains("data-testid=\"wall-queues\"", page);
        Assert.Matches("<span data-testid=\"count-new\">1</span>", page);
        Assert.Contains($"data-ticket=\"{id}\"", page);
        Assert.Contains("Core router down in FRA1", page);
        Assert.Contains("noc-wall-row noc-prio-high", page);
        // The due time as an age the browser keeps current (ages.js).
        Assert.Matches("· due <time data-age datetime=\"[^\"]+\" title=\"[^\"]+\">in [23] hours</time>", page);
        Assert.DoesNotContain("class=\"mud-appbar", page);
        Assert.DoesNotContain("Log out", page);
    }

    [Fact]
    public async Task A_Display_Sees_On_The_Dashboard_Only_The_Queues_And_Tickets_Of_Its_Token()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var security = await s.QueueAsync("Security");
        await s.GrantAsync(Right.SeeQueue, role: RoleName.Everyone);
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Everyone);
        await s.TicketAsync("Link down at POP-1", queueId: outages);
        await s.TicketAsync("Intrusion alert", queueId: security);
        var display = await s.WallDisplayAsync("Ops room", outages);
        using var web = WebSession.For(s.App);
        await web.SignInAsync(display, "wall/dashboard");

        var page = await web.GetPageAsync("wall/dashboard");

        Assert.Contains("Link down at POP-1", page);
        Assert.Contains($"data-queue=\"{outages}\"", page);
        Assert.DoesNotContain("Intrusion alert", page);
        Assert.DoesNotContain($"data-queue=\"{security}\"", page);
    }
}
