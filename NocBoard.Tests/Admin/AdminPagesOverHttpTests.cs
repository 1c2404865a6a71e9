using System.Net;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Admin;

/// <summary>Every admin page, rendered through the real pipeline (login cookie, routing, prerendering).</summary>
public class AdminPagesOverHttpTests
{
    private static async Task<string[]> PagesAsync(Scenario s)
    {
        var general = await s.GeneralQueueIdAsync();
        var root = await s.RootAsync();
        var group = await s.GroupAsync("NOC");
        var field = await s.CustomFieldAsync("Severity", NocBoard.CustomFields.CustomFieldType.SelectOne, values: ["P1", "P2"]);
        var lifecycle = await s.DefaultLifecycleIdAsync();
        return
        [
            "admin", "admin/queues", "admin/queues/new", $"admin/queues/{general}", "admin/users", "admin/users/new", $"admin/users/{root.Id}",
            "admin/groups", $"admin/groups/{group}", "admin/rights", $"admin/rights?queue={general}", "admin/custom-fields",
            "admin/custom-fields/new", $"admin/custom-fields/{field}", "admin/lifecycles", "admin/lifecycles/new", $"admin/lifecycles/{lifecycle}", "admin/monitoring",
        ];
    }

    [Fact]
    public async Task Root_Gets_Every_Admin_Page()
    {
        await using var s = await Scenario.StartAsync();
        var pages = await PagesAsync(s);
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync(SystemUser.RootUserName, NocAppFactory.RootPassword);

        foreach (var page in pages)
        {
            var html = await web.GetPageAsync(page);
            Assert.Contains("data-testid=\"admin-title\"", html);
            Assert.False(html.Contains("data-testid=\"admin-refused\""), $"{page} refused root:\n{html}");
        }
        Assert.Contains("data-testid=\"admin-menu\"", await web.GetPageAsync(""));
    }

    [Fact]
    public async Task An_Agent_Without_Admin_Rights_Is_Told_What_Is_Missing_On_Every_Admin_Page()
    {
        await using var s = await Scenario.StartAsync();
        var pages = await PagesAsync(s);
        var agent = await s.UserAsync("agent", password: "Agent-Password-1");
        await s.GrantAsync(Right.ShowTicket, user: agent);
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("agent", "Agent-Password-1");

        foreach (var page in pages)
        {
            var response = await web.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(html.Contains("data-testid=\"admin-refused\"") && html.Contains("You may not"), $"{page} did not refuse the agent:\n{html}");
        }
        Assert.DoesNotContain("data-testid=\"admin-menu\"", await web.GetPageAsync(""));
    }
}
