using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts;

/// <summary>Password, then an authenticator code, through the real login pages.</summary>
public class TwoFactorLoginTests
{
    private const string Password = "Alice-Password-1";

    [Theory]
    [InlineData("")]
    [InlineData("/noc")]
    public async Task A_Correct_Authenticator_Code_Completes_The_Login(string pathBase)
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["Site:PathBase"] = pathBase });
        var key = await UserWithAuthenticatorAsync(s);
        using var web = WebSession.For(s.App, pathBase);

        var secondStep = await PasswordStepAsync(web);
        var response = await PostCodeAsync(web, secondStep, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal(pathBase + "/", web.RedirectTarget(response));
        Assert.True(web.HasAuthCookie);
        var home = await web.GetPageAsync("");
        Assert.Contains("At a glance", home);
        Assert.Contains(">alice</", home);
    }

    [Fact]
    public async Task A_Wrong_Authenticator_Code_Does_Not_Log_In()
    {
        await using var s = await Scenario.StartAsync();
        var key = await UserWithAuthenticatorAsync(s);
        using var web = WebSession.For(s.App);

        var secondStep = await PasswordStepAsync(web);
        var response = await PostCodeAsync(web, secondStep, WrongCode(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid authenticator code", await response.Content.ReadAsStringAsync());
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));
    }

    [Fact]
    public async Task The_Password_Alone_Does_Not_Log_In()
    {
        await using var s = await Scenario.StartAsync();
        await UserWithAuthenticatorAsync(s);
        using var web = WebSession.For(s.App);

        await PasswordStepAsync(web);

        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/Account/Login", web.RedirectTarget(await web.GetAsync("")));
    }

    /// <summary>Creates alice with an authenticator app set up, and returns the key the app holds.</summary>
    private static async Task<string> UserWithAuthenticatorAsync(Scenario s)
    {
        await s.UserAsync("alice", password: Password);
        return await s.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<NocUser>>();
            var alice = (await users.FindByNameAsync("alice"))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(alice)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(alice, true)).Succeeded);
            return (await users.GetAuthenticatorKeyAsync(alice))!;
        });
    }

    /// <summary>Posts the password and returns where the app sent us for the code.</summary>
    private static async Task<string> PasswordStepAsync(WebSession web)
    {
        var response = await web.LoginAsync("alice", Password);
        var target = web.RedirectTarget(response);
        Assert.StartsWith(web.BaseAddress.AbsolutePath + "Account/LoginWith2fa?", target);
        Assert.False(web.HasAuthCookie);
        return target;
    }

    /// <summary>Fills in the code form as a browser would: every field the page renders, plus the code.</summary>
    private static async Task<HttpResponseMessage> PostCodeAsync(WebSession web, string page, string code)
    {
        var html = await web.GetPageAsync(page);
        Assert.Contains("name=\"Input.TwoFactorCode\"", html);
        return await web.PostFormAsync(page,
        [
            new("__RequestVerificationToken", WebSession.AntiforgeryToken(html)),
            new("_handler", WebSession.HiddenInput(html, "_handler")),
            new("ReturnUrl", WebSession.HiddenInput(html, "ReturnUrl")),
            new("RememberMe", WebSession.HiddenInput(html, "RememberMe")),
            new("Input.TwoFactorCode", code),
            new("Input.RememberMachine", "false"),
        ]);
    }

    /// <summary>A six-digit code that no time step near now accepts.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-4, 9).Select(step => Totp.Code(key, now, step)).ToHashSet();
        var candidate = int.Parse(Totp.Code(key, now));
        string wrong;
        do { candidate = (candidate + 1) % 1_000_000; wrong = candidate.ToString("D6"); } while (near.Contains(wrong));
        return wrong;
    }
}
