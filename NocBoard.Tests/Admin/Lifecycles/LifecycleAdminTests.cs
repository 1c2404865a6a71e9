using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Lifecycles;
using NocBoard.Admin.Queues;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets.Changes;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Lifecycles;

public class LifecycleAdminTests
{
    /// <summary>A small valid lifecycle: new → open → done, with done reached only by ForceResolve holders.</summary>
    public static LifecycleForm Small(string name) => new()
    {
        Name = name,
        Statuses =
        [
            new() { Name = "new", Group = StatusGroup.Initial },
            new() { Name = "open", Group = StatusGroup.Active },
            new() { Name = "done", Group = StatusGroup.Inactive },
        ],
        Transitions =
        [
            new() { From = "new", To = "open" },
            new() { From = "open", To = "done", Right = Right.ForceResolve },
        ],
        DefaultOnCreate = "new",
        OnStaffCorrespond = "open",
        OnMerge = "done",
    };

    [Fact]
    public async Task A_SuperUser_Creates_A_Lifecycle_And_A_Queue_Using_It_Follows_It()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();

        var id = (await s.LifecyclesAsync(l => l.CreateAsync(root, Small("change")))).EnsureSucceeded();

        var stored = await s.DbAsync(db => db.Lifecycles.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(["new", "open", "done"], stored.Statuses.Select(x => x.Name));
        Assert.Equal(Right.ForceResolve, stored.TransitionFor("open", "done")!.Right);
        Assert.Equal(("new", "open", "done"), (stored.DefaultOnCreate, stored.OnStaffCorrespond, stored.OnMerge));

        var queue = await s.QueueAsync("Changes", id);
        var ticket = await s.TicketAsync(queueId: queue);
        Assert.Equal("new", (await s.LoadTicketAsync(ticket)).Status);
        var refused = await s.ApplyAsync(root, ticket, new SetStatus("stalled"));
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public async Task Without_SuperUser_Lifecycles_Are_Refused_Naming_SuperUser_And_Nothing_Is_Written()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAllAsync(admin, null, Right.ShowConfigTab, Right.AdminQueue, Right.AdminUsers, Right.AdminGroups, Right.AdminCustomField);
        var before = await s.AdminFootprintAsync();
        var lifecycle = await s.DefaultLifecycleIdAsync();

        AssertForbidden((await s.LifecyclesAsync(l => l.CreateAsync(admin, Small("change")))).Error, Right.SuperUser);
        AssertForbidden((await s.LifecyclesAsync(l => l.UpdateAsync(admin, lifecycle, Small("default")))).Error, Right.SuperUser);
        AssertForbidden((await s.LifecyclesAsync(l => l.ListAsync(admin))).Error, Right.SuperUser);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    public static TheoryData<string, Action<LifecycleForm>, string, string> Invalid => new()
    {
        { "duplicate status", f => f.Statuses.Add(new() { Name = "Open", Group = StatusGroup.Active }), "Statuses", "Status 'Open' is listed twice." },
        { "blank status", f => f.Statuses.Add(new() { Name = " " }), "Statuses", "Every status needs a name." },
        { "no initial", f => f.Statuses[0].Group = StatusGroup.Active, "Statuses", "at least one initial status" },
        { "no inactive", f => f.Statuses[2].Group = StatusGroup.Active, "Statuses", "at least one inactive status" },
        { "unknown from", f => f.Transitions.Add(new() { From = "closed", To = "open" }), "Transitions", "A transition from 'closed': 'closed' is not a status of this lifecycle." },
        { "unknown to", f => f.Transitions.Add(new() { From = "open", To = "gone" }), "Transitions", "'gone' is not a status of this lifecycle." },
        { "to itself", f => f.Transitions.Add(new() { From = "open", To = "open" }), "Transitions", "from 'open' to itself" },
        { "twice", f => f.Transitions.Add(new() { From = "new", To = "OPEN" }), "Transitions", "Transition new → open is listed twice." },
        { "global right", f => f.Transitions[0].Right = Right.AdminUsers, "Transitions", "needs 'AdminUsers', which is not a right on tickets" },
        { "create unknown", f => f.DefaultOnCreate = "fresh", "DefaultOnCreate", "'fresh' is not a status" },
        { "create inactive", f => f.DefaultOnCreate = "done", "DefaultOnCreate", "'done' is inactive" },
        { "reply unknown", f => f.OnStaffCorrespond = "working", "OnStaffCorrespond", "'working' is not a status" },
        { "merge active", f => f.OnMerge = "open", "OnMerge", "'open' is not inactive" },
        { "no name", f => f.Name = "", "Name", "A lifecycle needs a name." },
        { "taken name", f => f.Name = "Default", "Name", "There is already a lifecycle named 'Default'." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_Invalid_Lifecycle_Is_Refused_Naming_What_Is_Wrong(string why, Action<LifecycleForm> spoil, string field, string message)
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var form = Small("change");
        spoil(form);
        var before = await s.AdminFootprintAsync();

        var result = await s.LifecyclesAsync(l => l.CreateAsync(root, form));

        Assert.True(result.Error is not null, why);
        AssertInvalid(result.Error, field, message);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_Lifecycle_In_Use_Cannot_Lose_A_Status_Its_Queues_Tickets_Are_In_But_May_Lose_An_Unused_One()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var lifecycle = await s.DefaultLifecycleIdAsync();
        await s.TicketAsync(status: "stalled");
        await s.TicketAsync(status: "stalled");
        var form = (await s.LifecyclesAsync(l => l.GetAsync(root, lifecycle))).EnsureSucceeded().Form;
        var before = await s.AdminFootprintAsync();

        var withoutStalled = Without(form, "stalled");
        var refused = await s.LifecyclesAsync(l => l.UpdateAsync(root, lifecycle, withoutStalled));
        AssertInvalid(refused.Error, "Statuses", "Tickets of queue 'General' are in statuses lifecycle 'default' does not have (2 in 'stalled')");
        Assert.Equal(before, await s.AdminFootprintAsync());

        var withoutRejected = Without(form, "rejected");
        Assert.True((await s.LifecyclesAsync(l => l.UpdateAsync(root, lifecycle, withoutRejected))).Succeeded);
        var stored = await s.DbAsync(db => db.Lifecycles.AsNoTracking().SingleAsync(l => l.Id == lifecycle));
        Assert.False(stored.IsValid("rejected"));
        Assert.DoesNotContain(stored.Transitions, t => t.To == "rejected" || t.From == "rejected");
    }

    [Fact]
    public async Task The_Default_Lifecycle_Keeps_Its_Name()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var lifecycle = await s.DefaultLifecycleIdAsync();
        var form = (await s.LifecyclesAsync(l => l.GetAsync(root, lifecycle))).EnsureSucceeded().Form;
        form.Name = "standard";

        AssertInvalid((await s.LifecyclesAsync(l => l.UpdateAsync(root, lifecycle, form))).Error, "Name", "keeps its name");
        AssertNotFound((await s.LifecyclesAsync(l => l.UpdateAsync(root, 999, Small("x")))).Error, "There is no lifecycle #999.");
    }

    private static LifecycleForm Without(LifecycleForm form, string status) => new()
    {
        Name = form.Name,
        Statuses = form.Statuses.Where(x => x.Name != status).ToList(),
        Transitions = form.Transitions.Where(t => t.From != status && t.To != status).ToList(),
        DefaultOnCreate = form.DefaultOnCreate,
        OnStaffCorrespond = form.OnStaffCorrespond,
        OnMerge = form.OnMerge,
    };
}
