using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class TicketFeedTests
{
    [Fact]
    public async Task Committed_Changes_Are_Published_With_Their_Transactions_And_Refusals_Are_Not()
    {
        await using var s = await Scenario.StartAsync();
        var feed = s.Services.GetRequiredService<TicketFeed>();
        var received = Channel.CreateUnbounded<TicketCommitted>();
        using var subscription = feed.Subscribe(change => received.Writer.WriteAsync(change).AsTask());

        var id = await s.TicketAsync("Latency on transit link");
        var root = await s.RootAsync();
        await s.ApplyAsync(root, id, new SetStatus("bogus"));
        await s.ApplyAsync(root, id, new SetStatus("open"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var created = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal((id, "new", 1), (created.TicketId, created.Status, created.Version));
        Assert.Equal(TransactionType.Create, Assert.Single(created.Transactions).Type);

        var opened = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal(("open", 2), (opened.Status, opened.Version));
        Assert.Equal(("new", "open"), (opened.Transactions[0].OldValue, opened.Transactions[0].NewValue));
        Assert.False(received.Reader.TryRead(out _)); // the refused change published nothing
    }

    [Fact]
    public async Task A_Failing_Subscriber_Does_Not_Stop_Others_Or_The_Writer()
    {
        await using var s = await Scenario.StartAsync();
        var feed = s.Services.GetRequiredService<TicketFeed>();
        var received = Channel.CreateUnbounded<int>();
        using var broken = feed.Subscribe(_ => throw new InvalidOperationException("screen crashed"));
        using var healthy = feed.Subscribe(change => received.Writer.WriteAsync(change.TicketId).AsTask());

        var first = await s.TicketAsync();
        var second = await s.TicketAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(first, await received.Reader.ReadAsync(timeout.Token));
        Assert.Equal(second, await received.Reader.ReadAsync(timeout.Token));
    }

    [Fact]
    public async Task A_Queue_Move_Tells_Subscribers_Which_Queue_The_Ticket_Left()
    {
        await using var s = await Scenario.StartAsync();
        var feed = s.Services.GetRequiredService<TicketFeed>();
        var id = await s.TicketAsync();
        var general = await s.GeneralQueueIdAsync();
        var outages = await s.QueueAsync("Outages");
        var received = Channel.CreateUnbounded<TicketCommitted>();
        using var subscription = feed.Subscribe(change => received.Writer.WriteAsync(change).AsTask());

        await s.ApplyAsync(await s.RootAsync(), id, new SetQueue(outages));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var moved = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal((outages, (int?)general), (moved.QueueId, moved.PreviousQueueId));
    }
}
