using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts;

/// <summary>Logging in and out through the real pipeline: the login form, cookies, antiforgery, lock-out.</summary>
public class LoginTests
{
    private const string Root = SystemUser.RootUserName;

    [Fact]
    public async Task Root_With_The_Right_Password_Gets_The_Auth_Cookie_And_Is_Redirected_Home()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var response = await web.LoginAsync(Root, NocAppFactory.RootPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", web.RedirectTarget(response));
        Assert.True(web.HasAuthCookie);
        var home = await web.GetPageAsync("");
        Assert.Contains("At a glance", home);
        Assert.Contains(">root</", home); // the user name in the app bar
    }

    [Fact]
    public async Task The_Login_Returns_To_The_Page_That_Asked_For_It()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var anonymous = await web.GetAsync("");
        var loginPage = web.RedirectTarget(anonymous);
        Assert.StartsWith("/Account/Login?", loginPage);

        var response = await web.LoginAsync(Root, NocAppFactory.RootPassword, loginPage.TrimStart('/'));
        Assert.Equal("/", web.RedirectTarget(response));
        Assert.Contains("At a glance", await web.GetPageAsync(""));
    }

    [Fact]
    public async Task A_Wrong_Password_Shows_Invalid_Login_Attempt_And_Sets_No_Cookie()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var response = await web.LoginAsync(Root, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));
    }

    [Fact]
    public async Task An_Unknown_User_Gets_The_Same_Answer_As_A_Wrong_Password()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var response = await web.LoginAsync("nobody", "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
        Assert.False(web.HasAuthCookie);
    }

    [Fact]
    public async Task Five_Wrong_Passwords_Lock_The_Account_And_Then_Even_The_Right_One_Is_Refused()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await web.LoginAsync(Root, $"Wrong-Password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await web.LoginAsync(Root, "Wrong-Password-5");
        Assert.Equal("/Account/Lockout", web.RedirectTarget(fifth));

        var right = await web.LoginAsync(Root, NocAppFactory.RootPassword);
        Assert.Equal("/Account/Lockout", web.RedirectTarget(right));
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));

        // A fresh browser is refused too: the lock is on the account, not the session.
        using var other = WebSession.For(app);
        Assert.Equal("/Account/Lockout", other.RedirectTarget(await other.LoginAsync(Root, NocAppFactory.RootPassword)));
        Assert.False(other.HasAuthCookie);
    }

    [Fact]
    public async Task The_Lockout_Threshold_Follows_Accounts_MaxFailedLogins()
    {
        await using var app = new NocAppFactory(new Dictionary<string, string?> { ["Accounts:MaxFailedLogins"] = "2" });
        using var web = WebSession.For(app);

        Assert.Equal(HttpStatusCode.OK, (await web.LoginAsync(Root, "Wrong-Password-1")).StatusCode);
        Assert.Equal("/Account/Lockout", web.RedirectTarget(await web.LoginAsync(Root, "Wrong-Password-2")));
    }

    [Fact]
    public async Task A_Disabled_User_Cannot_Log_In_With_The_Right_Password()
    {
        await using var s = await Scenario.StartAsync();
        await s.UserAsync("alice", password: "Alice-Password-1");
        await s.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<NocUser>>();
            var alice = await users.FindByNameAsync("alice");
            alice!.Disabled = true;
            Assert.True((await users.UpdateAsync(alice)).Succeeded);
        });
        using var web = WebSession.For(s.App);

        var response = await web.LoginAsync("alice", "Alice-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync());
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));
    }

    [Fact]
    public async Task Home_Needs_A_Login()
    {
        await using var app = new NocAppFactory();
        using var anonymous = WebSession.For(app);
        using var loggedIn = WebSession.For(app);
        await loggedIn.LoginOrFailAsync(Root, NocAppFactory.RootPassword);

        var refused = await anonymous.GetAsync("");
        Assert.StartsWith("/Account/Login?ReturnUrl=", anonymous.RedirectTarget(refused));
        Assert.DoesNotContain("At a glance", await refused.Content.ReadAsStringAsync());

        var home = await loggedIn.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("At a glance", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_Ends_The_Session()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);
        await web.LoginOrFailAsync(Root, NocAppFactory.RootPassword);
        var home = await web.GetPageAsync("");

        // The app bar's log-out form, as the browser would submit it.
        var response = await web.PostFormAsync("Account/Logout",
        [
            new("__RequestVerificationToken", WebSession.AntiforgeryToken(home)),
            new("ReturnUrl", WebSession.HiddenInput(home, "ReturnUrl")),
        ]);

        Assert.Equal("/", web.RedirectTarget(response));
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));
    }

    [Fact]
    public async Task A_Login_Post_Without_The_Antiforgery_Token_Is_Rejected()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);
        await web.GetPageAsync("Account/Login"); // has the antiforgery cookie, but the form omits the token

        var response = await web.PostFormAsync("Account/Login",
        [
            new("_handler", "login"),
            new("Input.UserName", Root),
            new("Input.Password", NocAppFactory.RootPassword),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(web.HasAuthCookie);
    }

    [Fact]
    public async Task A_Logout_Post_Without_The_Antiforgery_Token_Is_Rejected_And_The_Session_Stays()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);
        await web.LoginOrFailAsync(Root, NocAppFactory.RootPassword);

        var response = await web.PostFormAsync("Account/Logout", [new("ReturnUrl", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(web.HasAuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("")).StatusCode);
    }
}
