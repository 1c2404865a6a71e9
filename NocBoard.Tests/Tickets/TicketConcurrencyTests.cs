using Microsoft.Extensions.DependencyInjection;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class TicketConcurrencyTests
{
    [Fact]
    public async Task A_Change_Based_On_A_Stale_Version_Is_Refused_And_Writes_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        var seen = (await s.LoadTicketAsync(id)).Version;

        // Someone else moves the card first.
        Assert.True((await s.ApplyAsync(root, id, new SetStatus("open"), seen)).Succeeded);

        var before = await s.FootprintAsync();
        var stale = await s.ApplyAsync(root, id, new SetStatus("stalled"), seen);
        Assert.Equal(TicketErrorKind.Conflict, stale.Error!.Kind);
        Assert.Contains($"your version {seen}, now {seen + 1}", stale.Error.Message);
        Assert.Equal(before, await s.FootprintAsync());
        Assert.Equal("open", (await s.LoadTicketAsync(id)).Status);
    }

    [Fact]
    public async Task Two_Agents_Moving_The_Same_Card_At_Once_Do_Not_Both_Win()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        var seen = (await s.LoadTicketAsync(id)).Version;

        var moves = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => Task.Run(() => s.InScopeAsync(sp =>
                sp.GetRequiredService<TicketService>().ApplyAsync(id, new SetStatus(i % 2 == 0 ? "open" : "stalled"), root, seen)))));

        Assert.Single(moves, m => m.Succeeded);
        Assert.All(moves.Where(m => !m.Succeeded), m => Assert.Equal(TicketErrorKind.Conflict, m.Error!.Kind));
        var statusChanges = (await s.TransactionsAsync(id)).Count(t => t.Type == TransactionType.Status);
        Assert.Equal(1, statusChanges);
    }

    [Fact]
    public async Task Unpinned_Concurrent_Changes_All_Apply_Without_Losing_One()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            s.ApplyAsync(root, id, new Comment(new TicketMessage($"note {i}") { TimeTaken = 1 })))));

        Assert.All(replies, r => Assert.True(r.Succeeded, r.Error?.Message));
        var ticket = await s.LoadTicketAsync(id);
        Assert.Equal(10, ticket.TimeWorked);
        Assert.Equal(11, ticket.Version);
    }
}
