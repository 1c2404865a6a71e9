using NocBoard.Accounts.Rights;
using NocBoard.Admin.Queues;
using NocBoard.Tests.Accounts.Rights;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Queues;

public class QueueWatchersAdminTests
{
    [Fact]
    public async Task Users_Groups_And_Addresses_Become_Cc_Or_AdminCc_Of_The_Queue_And_Can_Be_Removed()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC L2");

        var userWatcher = (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new QueueWatcherInput(WatcherRole.AdminCc, UserId: bob.Id)))).EnsureSucceeded();
        (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new QueueWatcherInput(WatcherRole.AdminCc, GroupId: group)))).EnsureSucceeded();
        (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new QueueWatcherInput(WatcherRole.Cc, Email: " Carrier@Example.NET ")))).EnsureSucceeded();

        var watchers = (await s.QueuesAsync(q => q.GetAsync(root, queue))).EnsureSucceeded().Watchers;
        Assert.Equal([(WatcherRole.Cc, "email", "carrier@example.net"), (WatcherRole.AdminCc, "user", "bob"), (WatcherRole.AdminCc, "group", "NOC L2")],
            watchers.Select(w => (w.Role, w.Kind, w.Name)));

        Assert.True((await s.QueueWatchersAsync(w => w.RemoveAsync(root, queue, userWatcher))).Succeeded);
        Assert.DoesNotContain((await s.QueuesAsync(q => q.GetAsync(root, queue))).EnsureSucceeded().Watchers, w => w.Kind == "user");
    }

    [Fact]
    public async Task A_Queue_AdminCc_Gets_What_The_AdminCc_Role_Is_Granted_On_The_Queues_Tickets()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        var bob = await s.AccountAsync("bob");
        await s.GrantAsync(Right.ShowTicket, queue, role: RoleName.AdminCc);
        var ticket = await s.TicketAsync(queueId: queue);
        Assert.Null(await s.GetAsync(ticket, bob));

        (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new QueueWatcherInput(WatcherRole.AdminCc, UserId: bob.Id)))).EnsureSucceeded();

        Assert.NotNull(await s.GetAsync(ticket, bob));
    }

    [Fact]
    public async Task Bad_Watchers_Are_Refused_And_Nothing_Is_Written()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        var bob = await s.AccountAsync("bob");
        (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new QueueWatcherInput(WatcherRole.Cc, UserId: bob.Id)))).EnsureSucceeded();
        var before = await s.AdminFootprintAsync();

        async Task<NocBoard.Admin.AdminError?> Add(QueueWatcherInput input) => (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, input))).Error;

        AssertInvalid(await Add(new(WatcherRole.Requestor, Email: "a@example.net")), "Role", "A queue's watchers are Cc or AdminCc");
        AssertInvalid(await Add(new(WatcherRole.Cc)), "Watcher", "Name exactly one watcher");
        AssertInvalid(await Add(new(WatcherRole.Cc, UserId: bob.Id, Email: "a@example.net")), "Watcher", "Name exactly one watcher");
        AssertInvalid(await Add(new(WatcherRole.Cc, Email: "not an address")), "Watcher", "'not an address' is not an email address");
        AssertInvalid(await Add(new(WatcherRole.Cc, UserId: bob.Id)), "Watcher", "bob is already Cc of queue 'Outages'.");
        AssertNotFound(await Add(new(WatcherRole.Cc, UserId: 999)), "There is no user #999.");
        AssertNotFound(await Add(new(WatcherRole.Cc, GroupId: 999)), "There is no group #999.");
        AssertNotFound((await s.QueueWatchersAsync(w => w.AddAsync(root, 999, new(WatcherRole.Cc, UserId: bob.Id)))).Error, "There is no queue #999.");
        AssertNotFound((await s.QueueWatchersAsync(w => w.RemoveAsync(root, queue, 999))).Error, "has no watcher #999");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Without_AdminQueue_On_The_Queue_Watchers_Cannot_Be_Changed()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        var other = await s.QueueAsync("Billing");
        var lead = await s.UserAsync("lead");
        await s.GrantAsync(Right.AdminQueue, other, user: lead);
        var watcher = (await s.QueueWatchersAsync(w => w.AddAsync(root, queue, new(WatcherRole.Cc, Email: "a@example.net")))).EnsureSucceeded();
        var before = await s.AdminFootprintAsync();

        AssertForbidden((await s.QueueWatchersAsync(w => w.AddAsync(lead, queue, new(WatcherRole.AdminCc, UserId: lead.Id)))).Error, Right.AdminQueue);
        AssertForbidden((await s.QueueWatchersAsync(w => w.RemoveAsync(lead, queue, watcher))).Error, Right.AdminQueue);
        Assert.Equal(before, await s.AdminFootprintAsync());
        Assert.True((await s.QueueWatchersAsync(w => w.AddAsync(lead, other, new(WatcherRole.AdminCc, UserId: lead.Id)))).Succeeded);
    }
}
