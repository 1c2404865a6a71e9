using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Components.Layout;

namespace NocBoard.Tests.Admin;

public class AdminMenuTests : AdminComponentTest
{
    private static readonly string[] AllAreas =
        ["admin-queues", "admin-users", "admin-groups", "admin-rights", "admin-custom-fields", "admin-lifecycles"];

    private static List<string> Areas(IRenderedComponent<AdminMenu> menu) =>
        AllAreas.Where(id => menu.FindAll($"[data-testid={id}]").Count > 0).ToList();

    [Fact]
    public async Task A_SuperUser_Sees_Every_Area()
    {
        SignIn(await S.RootAsync());

        var menu = Render<AdminMenu>();

        menu.WaitForElement("[data-testid=admin-menu]");
        Assert.Equal(AllAreas, Areas(menu));
    }

    [Fact]
    public async Task ShowConfigTab_Shows_The_Menu_With_The_Areas_The_Users_Rights_Open()
    {
        var admin = await S.UserAsync("useradmin");
        await S.GrantAllAsync(admin, null, Right.ShowConfigTab, Right.AdminUsers, Right.AdminGroups);
        await S.GrantAsync(Right.AdminQueue, await S.GeneralQueueIdAsync(), user: admin);
        SignIn(admin);

        var menu = Render<AdminMenu>();

        menu.WaitForElement("[data-testid=admin-menu]");
        Assert.Equal(["admin-queues", "admin-users", "admin-groups", "admin-rights"], Areas(menu));
    }

    [Fact]
    public async Task Without_ShowConfigTab_There_Is_No_Admin_Menu_Whatever_Else_Is_Granted()
    {
        var admin = await S.UserAsync("useradmin");
        await S.GrantAllAsync(admin, null, Right.AdminUsers, Right.AdminGroups, Right.AdminQueue, Right.AdminCustomField);
        SignIn(admin);

        var menu = Render<AdminMenu>();

        Assert.Empty(menu.FindAll("[data-testid=admin-menu]"));
        Assert.Equal(AdminAreas.None, await S.InScopeAsync(sp => sp.GetRequiredService<AdminAccess>().ForAsync(admin)));
    }

    [Fact]
    public async Task The_Navigation_Carries_The_Admin_Menu()
    {
        SignIn(await S.RootAsync());

        var nav = Render<NavMenu>();

        nav.WaitForElement("[data-testid=admin-menu]");
    }
}
