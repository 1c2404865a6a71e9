using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class TicketWriteQueueTests
{
    [Fact]
    public async Task Writes_Queued_While_Another_Writer_Holds_The_Gate_Commit_As_One_Group_And_Are_Each_Answered()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var ids = new List<int>();
        for (var i = 0; i < 20; i++) ids.Add(await s.TicketAsync($"Link down at POP-{i}"));
        var published = new ConcurrentBag<TicketCommitted>();
        using var subscription = s.Services.GetRequiredService<TicketFeed>().Subscribe(c => { published.Add(c); return Task.CompletedTask; });
        var queue = s.Services.GetRequiredService<TicketWriteQueue>();
        var groupsBefore = queue.Groups;

        Task<TicketChangeResult>[] writes;
        await using (await s.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
        {
            writes = ids.Select(id => queue.ApplyAsync(id, [new Comment(new TicketMessage($"seen on #{id}"))], root)).ToArray();
            await Task.Delay(200);
            Assert.All(writes, w => Assert.False(w.IsCompleted));   // nothing is answered before its commit
        }
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, queue.Groups - groupsBefore);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(results[i].Succeeded, results[i].Error?.Message);
            Assert.Equal((ids[i], 2), (results[i].Ticket!.Id, results[i].Ticket!.Version));
            var comment = Assert.Single(await s.TransactionsAsync(ids[i]), t => t.Type == TransactionType.Comment);
            Assert.Equal($"seen on #{ids[i]}", System.Text.Encoding.UTF8.GetString(Assert.Single(comment.Attachments, a => a.IsBody).Content));
        }
        await WaitUntilAsync(() => published.Count(c => c.Version == 2) == ids.Count);
        Assert.Equal(ids.Order(), published.Where(c => c.Version == 2).Select(c => c.TicketId).Order());
    }

    [Fact]
    public async Task A_Refused_Write_Writes_Nothing_And_Does_Not_Spoil_The_Others_In_Its_Group()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var good = new[] { await s.TicketAsync("Fibre cut A"), await s.TicketAsync("Fibre cut B") };
        var bad = await s.TicketAsync("Fibre cut C");
        var queue = s.Services.GetRequiredService<TicketWriteQueue>();

        Task<TicketChangeResult>[] writes;
        await using (await s.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
        {
            writes =
            [
                queue.ApplyAsync(good[0], [new SetStatus("open")], root),
                queue.ApplyAsync(bad, [new Comment(new TicketMessage("half of a change")), new SetStatus("no-such-status")], root),
                queue.ApplyAsync(good[1], [new SetStatus("open")], root),
            ];
        }
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.Equal(TicketErrorKind.Invalid, results[1].Error!.Kind);
        Assert.Contains("no-such-status", results[1].Error!.Message);
        Assert.Equal("open", (await s.LoadTicketAsync(good[0])).Status);
        Assert.Equal("open", (await s.LoadTicketAsync(good[1])).Status);
        var untouched = await s.LoadTicketAsync(bad);
        Assert.Equal(("new", 1), (untouched.Status, untouched.Version));
        Assert.DoesNotContain(await s.TransactionsAsync(bad), t => t.Type == TransactionType.Comment);
    }

    [Fact]
    public async Task Two_Writes_To_One_Ticket_Each_Get_And_Publish_Their_Own_Version()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        var published = new ConcurrentBag<TicketCommitted>();
        using var subscription = s.Services.GetRequiredService<TicketFeed>().Subscribe(c => { published.Add(c); return Task.CompletedTask; });
        var queue = s.Services.GetRequiredService<TicketWriteQueue>();

        Task<TicketChangeResult>[] writes;
        await using (await s.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
            writes = [queue.ApplyAsync(id, [new SetStatus("open")], root), queue.ApplyAsync(id, [new SetStatus("stalled")], root)];
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((2, "open"), (results[0].Ticket!.Version, results[0].Ticket!.Status));
        Assert.Equal((3, "stalled"), (results[1].Ticket!.Version, results[1].Ticket!.Status));
        await WaitUntilAsync(() => published.Count(c => c.TicketId == id && c.Version > 1) == 2);
        Assert.Equal(["2:open", "3:stalled"], published.Where(c => c.Version > 1).OrderBy(c => c.Version).Select(c => $"{c.Version}:{c.Status}"));
    }

    [Fact]
    public async Task Writes_That_Both_Touch_A_Third_Ticket_Are_Made_One_After_The_Other()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var (a, b, outage) = (await s.TicketAsync("Customer A down"), await s.TicketAsync("Customer B down"), await s.TicketAsync("Core router down"));
        var published = new ConcurrentBag<TicketCommitted>();
        using var subscription = s.Services.GetRequiredService<TicketFeed>().Subscribe(c => { published.Add(c); return Task.CompletedTask; });
        var queue = s.Services.GetRequiredService<TicketWriteQueue>();

        // Each link is recorded on the outage too, so the two writes may not share one commit.
        Task<TicketChangeResult>[] writes;
        await using (await s.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
            writes = [queue.ApplyAsync(a, [new AddLink(LinkKind.RefersTo, outage)], root), queue.ApplyAsync(b, [new AddLink(LinkKind.RefersTo, outage)], root)];
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(3, (await s.LoadTicketAsync(outage)).Version);
        Assert.Equal(2, (await s.TransactionsAsync(outage)).Count(t => t.Type == TransactionType.AddLink));
        await WaitUntilAsync(() => published.Count(c => c.TicketId == outage && c.Version > 1) == 2);
        Assert.Equal([2, 3], published.Where(c => c.TicketId == outage && c.Version > 1).Select(c => c.Version).Order());
    }

    [Fact]
    public async Task New_Tickets_Queued_Together_Get_Their_Own_Numbers()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var general = await s.GeneralQueueIdAsync();
        var queue = s.Services.GetRequiredService<TicketWriteQueue>();

        Task<TicketChangeResult>[] writes;
        await using (await s.Services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
            writes = Enumerable.Range(0, 5).Select(i => queue.CreateAsync(new NewTicket { QueueId = general, Subject = $"BGP down {i}" }, [], root)).ToArray();
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, results.Select(r => r.EnsureSucceeded().Id).Distinct().Count());
        foreach (var (result, i) in results.Select((r, i) => (r, i)))
            Assert.Equal($"BGP down {i}", (await s.LoadTicketAsync(result.Ticket!.Id)).Subject);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The published changes did not arrive.");
            await Task.Delay(20);
        }
    }
}
