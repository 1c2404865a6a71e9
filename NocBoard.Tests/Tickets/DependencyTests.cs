using NocBoard.Accounts.Rights;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class DependencyTests
{
    [Fact]
    public async Task A_Ticket_Cannot_Be_Resolved_While_It_Depends_On_Open_Tickets()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outage = await s.TicketAsync("Customers in Leipzig offline");
        var fibre = await s.TicketAsync("Fibre cut Leipzig");
        var power = await s.TicketAsync("Power outage Leipzig POP");
        await s.ApplyAsync(root, outage, new AddLink(LinkKind.DependsOn, fibre), new AddLink(LinkKind.DependsOn, power));

        var refused = await s.ApplyAsync(root, outage, new SetStatus("resolved"));
        Assert.Equal(TicketErrorKind.Invalid, refused.Error!.Kind);
        Assert.Equal($"Ticket #{outage} cannot be resolved: it is pending 2 other tickets (#{fibre}, #{power}).", refused.Error.Message);

        await s.ApplyAsync(root, fibre, new SetStatus("resolved"));
        Assert.Contains("pending 1 other ticket (", (await s.ApplyAsync(root, outage, new SetStatus("resolved"))).Error!.Message);

        await s.ApplyAsync(root, power, new SetStatus("rejected"));
        Assert.True((await s.ApplyAsync(root, outage, new SetStatus("resolved"))).Succeeded);
    }

    [Fact]
    public async Task Forcing_Needs_The_ForceResolve_Right()
    {
        await using var s = await Scenario.StartAsync();
        var outage = await s.TicketAsync();
        var cause = await s.TicketAsync();
        await s.ApplyAsync(await s.RootAsync(), outage, new AddLink(LinkKind.DependsOn, cause));
        var agent = await s.UserAsync("carol");
        await s.GrantAllAsync(agent, null, Right.ShowTicket, Right.ModifyTicket);

        var refused = await s.ApplyAsync(agent, outage, new SetStatus("resolved", Force: true));
        Assert.Equal(TicketErrorKind.Forbidden, refused.Error!.Kind);
        Assert.Contains("ForceResolve", refused.Error.Message);

        await s.GrantAsync(Right.ForceResolve, user: agent);
        Assert.True((await s.ApplyAsync(agent, outage, new SetStatus("resolved", Force: true))).Succeeded);
    }

    [Fact]
    public async Task Dependency_Cycles_Are_Refused()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var a = await s.TicketAsync("A");
        var b = await s.TicketAsync("B");
        var c = await s.TicketAsync("C");
        await s.ApplyAsync(root, a, new AddLink(LinkKind.DependsOn, b));
        await s.ApplyAsync(root, b, new AddLink(LinkKind.DependsOn, c));

        var cycle = await s.ApplyAsync(root, c, new AddLink(LinkKind.DependsOn, a));
        Assert.Equal(TicketErrorKind.Invalid, cycle.Error!.Kind);
        Assert.Contains("would make a cycle", cycle.Error.Message);
        // The same link named from the other side is the same cycle.
        Assert.Contains("would make a cycle", (await s.ApplyAsync(root, a, new AddLink(LinkKind.DependedOnBy, c))).Error!.Message);
    }
}
