using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Dashboard;
using NocBoard.Tests.Support;
using BookmarkService = NocBoard.Tickets.Bookmarks.Bookmarks;

namespace NocBoard.Tests.Tickets.Bookmarks;

public class BookmarkTests
{
    [Fact]
    public async Task Users_Bookmark_Only_Tickets_They_May_See_And_List_Their_Own()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var visible = await s.TicketAsync("Visible", queueId: outages);
        var hidden = await s.TicketAsync("Hidden");
        var agent = await s.UserAsync("dave");
        await s.GrantAsync(Right.ShowTicket, outages, user: agent);

        await s.InScopeAsync(async sp =>
        {
            var bookmarks = sp.GetRequiredService<BookmarkService>();
            Assert.True(await bookmarks.SetAsync(visible, agent, true));
            Assert.Null(await bookmarks.SetAsync(hidden, agent, true));
            Assert.True(await bookmarks.IsBookmarkedAsync(visible, agent));
            Assert.Equal([visible], (await sp.GetRequiredService<DashboardQueries>().BookmarksAsync(agent)).Select(t => t.Id));
            Assert.Empty(await sp.GetRequiredService<DashboardQueries>().BookmarksAsync(await s.RootAsync()));

            Assert.False(await bookmarks.SetAsync(visible, agent, false));
            Assert.Empty(await sp.GetRequiredService<DashboardQueries>().BookmarksAsync(agent));
        });
    }
}
