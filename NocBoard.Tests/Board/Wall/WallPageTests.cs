using System.Net;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board.Wall;

public class WallPageTests
{
    [Fact]
    public async Task The_Wall_Shows_The_Board_With_A_Clock_And_No_Menus()
    {
        await using var s = await Scenario.StartAsync();
        var id = await s.TicketAsync("Core router down in FRA1");
        await s.ApplyAsync(await s.RootAsync(), id, new SetField(TicketField.Priority, "95"));
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);

        var page = await web.GetPageAsync("wall");
        Assert.Contains("Core router down in FRA1", page);
        Assert.Contains("data-testid=\"wall-clock\"", page);
        Assert.Contains("data-testid=\"column-new\"", page);
        Assert.Contains("noc-prio-high", page);
        Assert.DoesNotContain("class=\"mud-appbar", page);
        Assert.DoesNotContain("mud-navmenu", page);
        Assert.DoesNotContain("Log out", page);
        Assert.Contains("class=\"mud-appbar", await web.GetPageAsync("board")); // the desk's board has the chrome the wall leaves out
    }

    [Fact]
    public async Task A_Wall_Is_Not_For_Anonymous_Visitors_And_A_Missing_Board_Says_So()
    {
        await using var s = await Scenario.StartAsync();
        using var anonymous = WebSession.For(s.App);
        var response = await anonymous.GetAsync("wall");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.RedirectTarget(response));

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        Assert.Contains("There is no board #99.", await web.GetPageAsync("wall/99"));
    }
}
