using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Rights;
using NocBoard.Tests.Accounts.Rights;

namespace NocBoard.Tests.Admin.Rights;

public class RightsGridTests : AdminComponentTest
{
    private IRenderedComponent<RightsGrid> RenderGrid(Actor actor, RightsPrincipal principal, int? queueId = null) =>
        Render<RightsGrid>(p => p.Add(g => g.Actor, actor).Add(g => g.Principal, principal).Add(g => g.QueueId, queueId));

    private static IHtmlInputElement Box(IRenderedComponent<RightsGrid> grid, string right) =>
        (IHtmlInputElement)grid.Find($"tr[data-testid=right-{right}] input[type=checkbox]");

    [Fact]
    public async Task It_Lists_Every_Right_With_What_It_Means_For_The_Principal()
    {
        var root = await S.RootAsync();
        var group = await S.GroupAsync("NOC L2");
        await S.GrantAsync(Right.OwnTicket, groupId: group);

        var grid = RenderGrid(root, RightsPrincipal.Group(group));

        grid.WaitForAssertion(() => Assert.Equal(Right.All.Count, grid.FindAll("tr[data-testid^=right-]").Count));
        foreach (var right in Right.All)
        {
            Assert.Equal(right.Description, grid.Find($"[data-testid=description-{right.Name}]").TextContent.Trim());
            Assert.Equal(right.Name == Right.OwnTicket, Box(grid, right.Name).IsChecked);
        }
        Assert.Contains("Rights of group NOC L2, globally", grid.Find("[data-testid=rights-heading]").TextContent);
    }

    [Fact]
    public async Task Ticking_Grants_The_Right_Through_The_Service_And_The_Tick_Stays()
    {
        var root = await S.RootAsync();
        var bob = await S.AccountAsync("bob");
        var grid = RenderGrid(root, RightsPrincipal.User(bob.Id));
        grid.WaitForElement("tr[data-testid=right-AdminUsers]");
        Assert.False(await S.HasAsync(bob.Id, Right.AdminUsers, null));

        await grid.InvokeAsync(() => Box(grid, Right.AdminUsers).Change(true));

        grid.WaitForAssertion(() => Assert.True(Box(grid, Right.AdminUsers).IsChecked));
        Assert.True(await S.HasAsync(bob.Id, Right.AdminUsers, null));
        Assert.Contains(await S.GrantsAsync(), g => g.UserId == bob.Id && g.Right == Right.AdminUsers && g.QueueId == null);
    }

    [Fact]
    public async Task Unticking_Revokes_The_Right()
    {
        var root = await S.RootAsync();
        var general = await S.GeneralQueueIdAsync();
        var bob = await S.AccountAsync("bob");
        await S.GrantAsync(Right.ModifyTicket, general, user: bob);
        var grid = RenderGrid(root, RightsPrincipal.User(bob.Id), general);
        grid.WaitForAssertion(() => Assert.True(Box(grid, Right.ModifyTicket).IsChecked));

        await grid.InvokeAsync(() => Box(grid, Right.ModifyTicket).Change(false));

        grid.WaitForAssertion(() => Assert.False(Box(grid, Right.ModifyTicket).IsChecked));
        Assert.False(await S.HasAsync(bob.Id, Right.ModifyTicket, general));
    }

    [Fact]
    public async Task On_A_Queue_Global_Only_Rights_Cannot_Be_Ticked_And_Global_Grants_Are_Marked()
    {
        var root = await S.RootAsync();
        var general = await S.GeneralQueueIdAsync();

        var grid = RenderGrid(root, RightsPrincipal.OfRole(RoleName.Everyone), general);

        grid.WaitForElement("tr[data-testid=right-SuperUser]");
        foreach (var right in Right.All)
            Assert.Equal(right.Scope == RightScope.Global, Box(grid, right.Name).IsDisabled);
        // Seeded: Everyone may CreateTicket globally.
        Assert.Contains("granted globally", grid.Find($"tr[data-testid=right-{Right.CreateTicket}]").TextContent);
        Assert.Contains("Rights of role Everyone, queue 'General'", grid.Find("[data-testid=rights-heading]").TextContent);
    }

    [Fact]
    public async Task A_Refused_Change_Leaves_The_Tick_As_It_Was_And_Writes_Nothing()
    {
        var root = await S.RootAsync();
        var grid = RenderGrid(root, RightsPrincipal.User(root.Id));
        grid.WaitForAssertion(() => Assert.True(Box(grid, Right.SuperUser).IsChecked));
        var before = await S.AdminFootprintAsync();

        await grid.InvokeAsync(() => Box(grid, Right.SuperUser).Change(false));

        grid.WaitForAssertion(() => Assert.True(Box(grid, Right.SuperUser).IsChecked));
        Assert.Equal(before, await S.AdminFootprintAsync());
    }

    [Fact]
    public async Task Someone_Without_SuperUser_Sees_Why_Instead_Of_The_Global_Grid()
    {
        var lead = await S.UserAsync("lead");
        await S.GrantAsync(Right.AdminQueue, await S.GeneralQueueIdAsync(), user: lead);

        var grid = RenderGrid(lead, RightsPrincipal.User(lead.Id));

        grid.WaitForAssertion(() => Assert.Equal("You may not see global rights: that needs the SuperUser right.",
            grid.Find("[data-testid=rights-refused]").TextContent.Trim()));
        Assert.Empty(grid.FindAll("input[type=checkbox]"));
    }
}
