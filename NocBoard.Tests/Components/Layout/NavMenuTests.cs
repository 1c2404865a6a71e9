using Bunit;
using Microsoft.AspNetCore.Components;
using NocBoard.Components.Layout;
using NocBoard.Tests.Admin;

namespace NocBoard.Tests.Components.Layout;

public class NavMenuTests : AdminComponentTest
{
    [Theory]
    [InlineData("", "", NavLinks.Match.All, true)]
    [InlineData("", "board", NavLinks.Match.All, false)]
    [InlineData("board", "board", NavLinks.Match.Prefix, true)]
    [InlineData("board", "board/3", NavLinks.Match.Prefix, true)]
    [InlineData("board", "boards", NavLinks.Match.Prefix, false)]
    [InlineData("admin", "admin/queues", NavLinks.Match.All, false)]
    [InlineData("Account/Manage", "account/manage", NavLinks.Match.Prefix, true)]
    public void A_Link_Is_Current_As_NavLink_Decides(string href, string path, NavLinks.Match match, bool current) =>
        Assert.Equal(current, NavLinks.IsCurrent(href, path, match));

    [Fact]
    public async Task The_Current_Page_Is_Highlighted_And_Follows_Navigation()
    {
        SignIn(await S.RootAsync());
        var navigation = Services.GetService(typeof(NavigationManager)) as NavigationManager;
        navigation!.NavigateTo("admin/queues");

        var nav = Render<NavMenu>();
        nav.WaitForElement("[data-testid=admin-menu]");

        Assert.True(nav.Find("[data-testid=admin-menu]").HasAttribute("open"));
        Assert.Equal("page", nav.Find("[data-testid=admin-queues]").GetAttribute("aria-current"));
        Assert.Null(nav.Find("[data-testid=admin-home]").GetAttribute("aria-current"));

        navigation.NavigateTo("preferences");

        nav.WaitForAssertion(() => Assert.Equal("page", nav.Find("a[href=preferences]").GetAttribute("aria-current")));
        Assert.False(nav.Find("[data-testid=admin-menu]").HasAttribute("open"));
        Assert.Null(nav.Find("[data-testid=admin-queues]").GetAttribute("aria-current"));
    }
}
