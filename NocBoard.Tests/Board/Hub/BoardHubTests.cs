using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NocBoard.Accounts.Rights;
using NocBoard.Board.Hub;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Board.Hub;

public class BoardHubTests
{
    private const string Password = "Agent-Password-1";

    [Fact]
    public async Task A_Change_Committed_Through_The_Write_Path_Reaches_A_Client_Watching_The_Queue()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var agent = await s.UserAsync("lee");
        await s.GrantAllAsync(agent, outages, Right.SeeQueue, Right.ShowTicket);
        var id = await s.TicketAsync("Link down at POP-1", queueId: outages);
        await using var watcher = await HubWatcher.ConnectAsync(s, "lee", Password);
        await watcher.WatchQueueAsync(outages);

        (await s.ApplyAsync(root, id, new SetStatus("open"))).EnsureSucceeded();

        var message = await watcher.NextChangeAsync($"ticket #{id} to be opened");
        Assert.Equal(id, message.TicketId);
        Assert.Equal(id, message.EffectiveId);
        Assert.Equal(outages, message.QueueId);
        Assert.Null(message.PreviousQueueId);
        Assert.Equal("open", message.Status);
        Assert.Equal("Link down at POP-1", message.Subject);
        Assert.Equal((await s.LoadTicketAsync(id)).Version, message.Version);
        Assert.Contains(nameof(TransactionType.Status), message.TransactionTypes);
    }

    [Fact]
    public async Task A_Client_Watching_Another_Queue_Gets_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var changes = await s.QueueAsync("Changes");
        var agent = await s.UserAsync("lee");
        await s.GrantAllAsync(agent, null, Right.SeeQueue, Right.ShowTicket); // may see both; watches one
        var elsewhere = await s.TicketAsync("Maintenance window", queueId: changes);
        var watched = await s.TicketAsync("Link down", queueId: outages);
        await using var watcher = await HubWatcher.ConnectAsync(s, "lee", Password);
        await watcher.WatchQueueAsync(outages);

        (await s.ApplyAsync(root, elsewhere, new SetStatus("open"))).EnsureSucceeded();
        (await s.ApplyAsync(root, watched, new SetStatus("open"))).EnsureSucceeded();

        // The feed and the connection keep commit order, so the change elsewhere would have come first.
        var first = await watcher.NextChangeAsync($"ticket #{watched} in the watched queue");
        Assert.Equal(watched, first.TicketId);
    }

    [Fact]
    public async Task Watching_A_Queue_Without_ShowTicket_On_It_Is_Refused_With_The_Reason()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var hidden = await s.QueueAsync("Security");
        var agent = await s.UserAsync("lee");
        await s.GrantAsync(Right.SeeQueue, outages, user: agent);
        await s.GrantAsync(Right.ShowTicket, outages, role: RoleName.Requestor); // only tickets lee asked for
        await using var watcher = await HubWatcher.ConnectAsync(s, "lee", Password);

        var unseen = await Assert.ThrowsAsync<HubException>(() => watcher.WatchQueueAsync(hidden));
        Assert.Contains($"no queue #{hidden} that you may see", unseen.Message);
        Assert.Contains("SeeQueue", unseen.Message);

        var roleOnly = await Assert.ThrowsAsync<HubException>(() => watcher.WatchQueueAsync(outages));
        Assert.Contains("'Outages'", roleOnly.Message);
        Assert.Contains("ShowTicket right on the whole queue", roleOnly.Message);

        var all = await watcher.Connection.InvokeAsync<List<int>>(nameof(BoardHub.WatchAll)).WaitAsync(HubWatcher.Patience);
        Assert.Empty(all);
    }

    [Fact]
    public async Task An_Anonymous_Connection_Is_Refused_And_So_Is_A_Requestor()
    {
        await using var s = await Scenario.StartAsync();
        await s.UserAsync("customer", privileged: false);

        await using var anonymous = HubWatcher.Build(s, cookieHeader: null);
        var e = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync().WaitAsync(HubWatcher.Patience));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, HubWatcher.StatusOf(e));
        Assert.Equal(HubConnectionState.Disconnected, anonymous.State);

        var requestor = await Assert.ThrowsAnyAsync<Exception>(() => HubWatcher.ConnectAsync(s, "customer", Password));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, HubWatcher.StatusOf(requestor));
    }

    [Fact]
    public async Task A_Ticket_Moved_Out_Of_A_Watched_Queue_Is_Announced_There_Without_Revealing_It_To_Those_Who_May_Not_Follow()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var security = await s.QueueAsync("Security");
        var lee = await s.UserAsync("lee");
        await s.GrantAllAsync(lee, outages, Right.SeeQueue, Right.ShowTicket);
        var kim = await s.UserAsync("kim");
        await s.GrantAllAsync(kim, null, Right.SeeQueue, Right.ShowTicket);
        var id = await s.TicketAsync("Odd traffic from AS64500", queueId: outages);
        await using var leeWatcher = await HubWatcher.ConnectAsync(s, "lee", Password);
        await leeWatcher.WatchQueueAsync(outages);
        await using var kimWatcher = await HubWatcher.ConnectAsync(s, "kim", Password);
        await kimWatcher.WatchQueueAsync(outages);
        await using var bothWatcher = await HubWatcher.ConnectAsync(s, "kim", Password);
        await bothWatcher.WatchQueueAsync(outages);
        await bothWatcher.WatchQueueAsync(security);

        (await s.ApplyAsync(root, id, new SetQueue(security))).EnsureSucceeded();

        var left = Assert.IsType<TicketLeftMessage>(await leeWatcher.NextAsync($"ticket #{id} to leave Outages"));
        Assert.Equal(new TicketLeftMessage(id, outages, (await s.LoadTicketAsync(id)).Version), left);

        var followed = await kimWatcher.NextChangeAsync($"ticket #{id} to move to Security");
        Assert.Equal((id, security, outages), (followed.TicketId, followed.QueueId, followed.PreviousQueueId));
        Assert.Equal("Odd traffic from AS64500", followed.Subject);

        // Watching both queues, the move arrives once.
        var once = await bothWatcher.NextChangeAsync($"ticket #{id} to move to Security");
        Assert.Equal((id, security), (once.TicketId, once.QueueId));
        (await s.ApplyAsync(root, id, new SetStatus("open"))).EnsureSucceeded();
        var next = await bothWatcher.NextChangeAsync($"ticket #{id} to be opened");
        Assert.Equal("open", next.Status);
    }
}
