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
    public async Task Only_The_Key_Goes_Through_The_Page_And_It_Is_Taken_Once()
    {
        await using var context = new BunitContext();
        var store = context.AddBunitPersistentComponentState();
        var state = context.Services.GetRequiredService<PersistentComponentState>();
        var key = Guid.NewGuid();

        using (PrerenderedBoard.Keep(state, () => key)) store.TriggerOnPersisting();

        Assert.True(store.TryTake<Guid>(PrerenderedBoard.Key, out var handedOn));
        Assert.Equal(key, handedOn);
        store.Persist(PrerenderedBoard.Key, handedOn);
        Assert.Equal(key, PrerenderedBoard.Take(state));
        Assert.Null(PrerenderedBoard.Take(state));
    }

    [Fact]
    public void A_Kept_Board_Goes_Only_To_Its_Viewer_For_The_Same_Board_Once_And_Not_Late()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero));
        var kept = new PrerenderedBoards(clock);
        BoardView Board(int id) => new()
        {
            Definition = new BoardDefinition { Id = id, Name = $"Board {id}" }, Columns = ["new"],
            Cards = [new BoardCard(1, "Link down", 1, "new", 50, null, 1, clock.GetUtcNow(), null, false, null)],
            Queues = [], Owners = [],
        };

        var mine = kept.Keep(viewerId: 5, Board(7), clock.GetUtcNow());
        Assert.Null(kept.Take(mine, viewerId: 6, boardId: 7)); // someone else's key: refused, and gone
        Assert.Null(kept.Take(mine, viewerId: 5, boardId: 7));

        mine = kept.Keep(5, Board(7), clock.GetUtcNow());
        Assert.Null(kept.Take(mine, 5, boardId: 0));

        mine = kept.Keep(5, Board(7), clock.GetUtcNow());
        var board = kept.Take(mine, 5, 7);
        Assert.Equal(7, board!.View.Definition.Id);
        Assert.Null(kept.Take(mine, 5, 7));

        mine = kept.Keep(5, Board(7), clock.GetUtcNow());
        clock.Advance(PrerenderedBoards.KeptFor + TimeSpan.FromSeconds(1));
        Assert.Null(kept.Take(mine, 5, 7));

        // Prerenders that never went live do not pile up.
        for (var i = 0; i < 100; i++) kept.Keep(5, Board(7), clock.GetUtcNow());
        Assert.True(kept.Count <= 32, $"{kept.Count} boards kept");
    }
}
