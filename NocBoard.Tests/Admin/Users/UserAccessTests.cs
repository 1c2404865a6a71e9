using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Users;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Users;

/// <summary>Disabling, enabling and password resets, seen through the real login pipeline.</summary>
public class UserAccessTests
{
    private const string Password = "Alice-Password-1";

    /// <summary>Checks the session's security stamp on every request, so an ended session shows at once.</summary>
    private static Task<Scenario> StartAsync() =>
        Scenario.StartAsync(services: x => x.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));

    [Fact]
    public async Task A_Disabled_User_Cannot_Log_In_And_Their_Open_Session_Ends()
    {
        await using var s = await StartAsync();
        var root = await s.RootAsync();
        var alice = await s.UserAsync("alice", password: Password);
        using var open = WebSession.For(s.App);
        await open.LoginOrFailAsync("alice", Password);
        Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("")).StatusCode);
        var stampBefore = await s.DbAsync(db => db.Users.Where(u => u.Id == alice.Id).Select(u => u.SecurityStamp).SingleAsync());

        var result = await s.UsersAsync(u => u.SetDisabledAsync(root, alice.Id, true));

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await s.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == alice.Id));
        Assert.True(stored.Disabled);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        Assert.StartsWith("/Account/Login", open.RedirectTarget(await open.GetAsync("")));

        using var fresh = WebSession.For(s.App);
        var login = await fresh.LoginAsync("alice", Password);
        Assert.Contains("Invalid login attempt", await login.Content.ReadAsStringAsync());
        Assert.False(fresh.HasAuthCookie);
        Assert.False(await s.InScopeAsync(sp => sp.GetRequiredService<RightsService>().HasAsync(alice.Id, Right.CreateTicket, null)));
    }

    [Fact]
    public async Task An_Enabled_Again_User_Logs_In()
    {
        await using var s = await StartAsync();
        var root = await s.RootAsync();
        var alice = await s.UserAsync("alice", password: Password);
        Assert.True((await s.UsersAsync(u => u.SetDisabledAsync(root, alice.Id, true))).Succeeded);

        Assert.True((await s.UsersAsync(u => u.SetDisabledAsync(root, alice.Id, false))).Succeeded);

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("alice", Password);
    }

    [Fact]
    public async Task Nobody_Disables_Themselves_Or_The_System_Account()
    {
        await using var s = await StartAsync();
        var root = await s.RootAsync();
        var system = await s.ActorAsync("system");
        var before = await s.AdminFootprintAsync();

        AssertInvalid((await s.UsersAsync(u => u.SetDisabledAsync(root, root.Id, true))).Error, "Disabled", "You cannot disable your own account.");
        AssertInvalid((await s.UsersAsync(u => u.SetDisabledAsync(root, system.Id, true))).Error, "Disabled", "automation acts as it");
        AssertInvalid((await s.UsersAsync(u => u.ResetPasswordAsync(root, system.Id, "System-Password-1"))).Error, "Password", "cannot log in");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_Password_Reset_Replaces_The_Password_Lifts_A_Lock_Out_And_Ends_Sessions()
    {
        await using var s = await StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAsync(Right.AdminUsers, user: admin);
        var alice = await s.UserAsync("alice", password: Password);
        using var open = WebSession.For(s.App);
        await open.LoginOrFailAsync("alice", Password);
        await s.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<NocUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("alice"))!, DateTimeOffset.UtcNow.AddHours(1));
        });

        var result = await s.UsersAsync(u => u.ResetPasswordAsync(admin, alice.Id, "Brand-New-Password-2"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.StartsWith("/Account/Login", open.RedirectTarget(await open.GetAsync("")));
        using var web = WebSession.For(s.App);
        Assert.Contains("Invalid login attempt", await (await web.LoginAsync("alice", Password)).Content.ReadAsStringAsync());
        await web.LoginOrFailAsync("alice", "Brand-New-Password-2");
    }

    [Fact]
    public async Task A_Weak_New_Password_Is_Refused_And_The_Old_One_Still_Works()
    {
        await using var s = await StartAsync();
        var root = await s.RootAsync();
        var alice = await s.UserAsync("alice", password: Password);
        var before = await s.AdminFootprintAsync();

        var result = await s.UsersAsync(u => u.ResetPasswordAsync(root, alice.Id, "alllowercaseletters"));

        AssertInvalid(result.Error, "Password", "Passwords must have at least one");
        Assert.Equal(before, await s.AdminFootprintAsync());
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("alice", Password);
    }

    [Fact]
    public async Task A_User_Created_By_An_Administrator_Logs_In()
    {
        await using var s = await StartAsync();
        var root = await s.RootAsync();
        var form = new NewUserForm { UserName = "carol", Password = "Carol-Password-3", Email = "carol@noc.example.net" };
        Assert.True((await s.UsersAsync(u => u.CreateAsync(root, form))).Succeeded);

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("carol", "Carol-Password-3");
        Assert.Contains(">carol</", await web.GetPageAsync(""));
    }
}
