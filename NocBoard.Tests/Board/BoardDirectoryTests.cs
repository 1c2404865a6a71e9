using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Board;
using NocBoard.Search;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class BoardDirectoryTests
{
    private static BoardDefinition Outages(params string[] columns) => new()
    {
        Name = "Outages", Query = "Queue = 'Outages'", Columns = columns.ToList(), Swimlanes = Swimlanes.Owner,
        WipLimits = new() { ["open"] = 3 },
    };

    [Fact]
    public async Task A_Saved_Board_Shows_Its_Tickets_In_Its_Columns_And_Is_Private_Unless_Shared()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var inQueue = await s.TicketAsync("Outage", queueId: outages);
        await s.TicketAsync("Elsewhere");
        var mia = await s.UserAsync("mia");
        var ned = await s.UserAsync("ned");
        await s.GrantAllAsync(mia, null, Right.SeeQueue, Right.ShowTicket);
        await s.GrantAllAsync(ned, null, Right.SeeQueue, Right.ShowTicket);

        await s.InScopeAsync(async sp =>
        {
            var boards = sp.GetRequiredService<BoardDirectory>();
            var saved = await boards.SaveAsync(Outages("new", "open"), shared: false, mia);
            var view = await sp.GetRequiredService<BoardService>().LoadAsync((await boards.GetAsync(saved.Id, mia))!, mia);
            Assert.Equal(["new", "open"], view.Columns);
            Assert.Equal([inQueue], view.Cards.Select(c => c.Id));
            Assert.Equal(3, view.WipLimitOf("open"));

            Assert.Null(await boards.GetAsync(saved.Id, ned));
            Assert.Empty(await boards.VisibleAsync(ned));
            var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => boards.SaveAsync(Outages(), shared: true, mia));
            Assert.Contains("AdminQueue", refused.Message);
        });
    }

    [Fact]
    public async Task Bad_Boards_Are_Refused_With_The_Reason()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        await s.InScopeAsync(async sp =>
        {
            var boards = sp.GetRequiredService<BoardDirectory>();
            Assert.Contains("'escalated' is not a status", (await Assert.ThrowsAsync<ArgumentException>(() =>
                boards.SaveAsync(Outages("new", "escalated"), false, root))).Message);
            await Assert.ThrowsAsync<TicketSqlException>(() => boards.SaveAsync(new BoardDefinition { Name = "x", Query = "Queue =" }, false, root));
            Assert.Contains("WIP limit of 'open' must be at least 1", (await Assert.ThrowsAsync<ArgumentException>(() =>
                boards.SaveAsync(new BoardDefinition { Name = "x", WipLimits = new() { ["open"] = 0 } }, false, root))).Message);
            Assert.Equal("A board needs a name.", (await Assert.ThrowsAsync<ArgumentException>(() =>
                boards.SaveAsync(new BoardDefinition { Name = " " }, false, root))).Message);

            var shared = await boards.SaveAsync(Outages("open"), shared: true, root);
            Assert.Null(shared.OwnerId);
        });
    }
}
