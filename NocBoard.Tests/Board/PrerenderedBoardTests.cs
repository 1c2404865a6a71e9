using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Board;
using NocBoard.Board.Pages;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class PrerenderedBoardTests
{
    [Fact]
    public async Task A_Board_Kept_From_The_Prerender_Catches_Up_With_What_Was_Committed_Since()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var hidden = await s.QueueAsync("Hidden");
        var moved = await s.TicketAsync("Moves to open", queueId: outages);
        var leaves = await s.TicketAsync("Leaves for a queue lee may not see", queueId: outages);
        var stays = await s.TicketAsync("Nobody touches it", queueId: outages);
        var agent = await s.UserAsync("lee");
        await s.GrantAllAsync(agent, outages, Right.SeeQueue, Right.ShowTicket);
        var loadedAt = DateTimeOffset.UtcNow;
        var view = await s.InScopeAsync(sp => sp.GetRequiredService<BoardService>().LoadAsync(BoardService.Default, agent));
        Assert.Equal([moved, leaves, stays], view.Cards.Select(c => c.Id).Order());

        // Between the prerender and the live circuit:
        await s.ApplyAsync(root, moved, new SetStatus("open"));
        await s.ApplyAsync(root, leaves, new SetQueue(hidden));
        var added = await s.TicketAsync("New outage", queueId: outages);
        var unseen = await s.TicketAsync("New and not for lee", queueId: hidden);

        var live = new LiveBoard(s.Services.GetRequiredService<IServiceScopeFactory>(), view, agent);
        Assert.True(await live.CatchUpAsync(loadedAt));

        Assert.Equal([moved, stays, added], view.Cards.Select(c => c.Id).Order());
        Assert.Equal("open", view.Cards.Single(c => c.Id == moved).Status);
        Assert.DoesNotContain(view.Cards, c => c.Id == unseen);
        Assert.True(await live.CatchUpAsync(loadedAt)); // again: nothing changes twice
        Assert.Equal([moved, stays, added], view.Cards.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task The_Prerendered_Board_Reaches_The_Circuit_Whole_And_Only_For_The_Same_Board()
    {
        await using var context = new BunitContext();
        var store = context.AddBunitPersistentComponentState();
        var state = context.Services.GetRequiredService<PersistentComponentState>();
        var loadedAt = new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero);
        var definition = new BoardDefinition { Id = 7, Name = "Core", Query = "Queue = 'Outages'", Columns = ["new", "open"], WipLimits = { ["open"] = 3 } };
        var card = new BoardCard(42, "Core router down", 3, "open", 90, 5, 4, loadedAt.AddHours(-1), loadedAt.AddHours(2), true, "noc@example.net");
        var shown = new PrerenderedBoard(new BoardView
        {
            Definition = definition, Columns = ["new", "open"], Cards = [card],
            Queues = new() { [3] = "Outages" }, Owners = new() { [5] = "Alice Smith" },
        }, loadedAt);

        using (PrerenderedBoard.Keep(state, () => shown)) store.TriggerOnPersisting();

        Assert.True(store.TryTake<PrerenderedBoard>(PrerenderedBoard.Key, out var handedOn));
        store.Persist(PrerenderedBoard.Key, handedOn!);
        Assert.Null(PrerenderedBoard.Take(state, boardId: 0)); // the circuit opened another board
        store.Persist(PrerenderedBoard.Key, handedOn!);
        var kept = PrerenderedBoard.Take(state, boardId: 7)!;
        Assert.Equal(loadedAt, kept.LoadedAt);
        Assert.Equal([card], kept.View.Cards);
        Assert.Equal(["new", "open"], kept.View.Columns);
        Assert.Equal("Queue = 'Outages'", kept.View.Definition.Query);
        Assert.Equal(3, kept.View.Definition.WipLimits["open"]);
        Assert.Equal("Alice Smith", kept.View.Owners[5]);
        Assert.Equal("Outages", kept.View.Queues[3]);
        Assert.Null(PrerenderedBoard.Take(state, boardId: 7)); // taken once
    }
}
