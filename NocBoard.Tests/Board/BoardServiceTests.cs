using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Board;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class BoardServiceTests
{
    [Fact]
    public async Task The_Default_Board_Shows_Visible_Tickets_In_Active_And_Resolved_Columns_With_Blocked_Badges()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var a = await s.TicketAsync("Outage A", queueId: outages);
        var cause = await s.TicketAsync("Cause", queueId: outages);
        await s.ApplyAsync(root, a, new AddLink(LinkKind.DependsOn, cause));
        var rejected = await s.TicketAsync("Spam", queueId: outages);
        await s.ApplyAsync(root, rejected, new SetStatus("rejected"));
        await s.TicketAsync("Hidden");
        var agent = await s.UserAsync("lee");
        await s.GrantAllAsync(agent, outages, Right.SeeQueue, Right.ShowTicket);

        var view = await s.InScopeAsync(sp => sp.GetRequiredService<BoardService>().LoadAsync(BoardService.Default, agent));

        Assert.Equal(["new", "open", "stalled", "resolved"], view.Columns);
        Assert.Equal([a, cause], view.Cards.Select(c => c.Id).Order());
        Assert.True(view.Cards.Single(c => c.Id == a).Blocked);
        Assert.False(view.Cards.Single(c => c.Id == cause).Blocked);
    }

    [Fact]
    public async Task Two_Screens_Loading_The_Same_Board_Share_Its_Cards_Until_A_Card_Changes()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var a = await s.TicketAsync("Outage A");
        var b = await s.TicketAsync("Outage B");
        Task<BoardView> LoadAsync() => s.InScopeAsync(sp => sp.GetRequiredService<BoardService>().LoadAsync(BoardService.Default, root));

        var first = await LoadAsync();
        var second = await LoadAsync();
        await s.ApplyAsync(root, b, new SetStatus("open"));
        var third = await LoadAsync();

        Assert.Same(first.Cards.Single(c => c.Id == a), second.Cards.Single(c => c.Id == a));
        Assert.Same(first.Cards.Single(c => c.Id == a), third.Cards.Single(c => c.Id == a));
        Assert.Equal("open", third.Cards.Single(c => c.Id == b).Status);
        Assert.Equal("new", first.Cards.Single(c => c.Id == b).Status);
    }

    [Fact]
    public async Task A_Move_Based_On_An_Old_Card_Is_Refused_And_A_Good_One_Goes_Through_The_Write_Path()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        await s.InScopeAsync(async sp =>
        {
            var boards = sp.GetRequiredService<BoardService>();
            var card = (await boards.LoadAsync(BoardService.Default, root)).Cards.Single();
            Assert.True((await s.ApplyAsync(root, id, new SetField(TicketField.Priority, "40"))).Succeeded); // someone else, meanwhile

            var stale = await boards.MoveAsync(card, "open", root);
            Assert.Equal(TicketErrorKind.Conflict, stale.Error!.Kind);

            var fresh = (await boards.LoadAsync(BoardService.Default, root)).Cards.Single();
            Assert.True((await boards.MoveAsync(fresh, "open", root)).Succeeded);
        });
        Assert.Equal("open", (await s.LoadTicketAsync(id)).Status);
    }

    [Fact]
    public async Task Dropping_On_An_Owner_Lane_Gives_The_Ticket_With_The_Move_In_One_Commit()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var oscar = await s.UserAsync("oscar");
        await s.GrantAllAsync(oscar, null, Right.OwnTicket);
        var id = await s.TicketAsync();
        await s.ApplyAsync(root, id, new SetOwner(oscar.Id));
        await s.InScopeAsync(async sp =>
        {
            var boards = sp.GetRequiredService<BoardService>();
            var board = new BoardDefinition { Name = "By owner", Swimlanes = Swimlanes.Owner };
            var view = await boards.LoadAsync(board, root);
            var card = view.Cards.Single();
            Assert.Equal("oscar", view.LaneOf(card));
            Assert.False(view.OwnerOfLane("someone unknown").HasValue);

            var result = await boards.DropAsync(card, "open", view.OwnerOfLane("Nobody"), root);
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(card.Version + 1, result.Ticket!.Version);
        });
        var ticket = await s.LoadTicketAsync(id);
        Assert.Equal(("open", (int?)null), (ticket.Status, ticket.OwnerId));
    }
}
