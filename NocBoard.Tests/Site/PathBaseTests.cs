using System.Net;
using System.Text.RegularExpressions;
using NocBoard.Accounts;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Site;

/// <summary>Site:PathBase=/noc: everything, from assets to redirects, lives under /noc, and nothing outside it.</summary>
public class PathBaseTests
{
    private static NocAppFactory App(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Site:PathBase"] = "/noc" };
        foreach (var (key, value) in more) settings[key] = value;
        return new NocAppFactory(settings);
    }

    [Fact]
    public async Task Health_Answers_Under_The_Path_Base_And_Nothing_Answers_Outside_It()
    {
        await using var app = App();
        using var web = WebSession.For(app, "/noc");

        var health = await web.GetAsync("/noc/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());

        foreach (var outside in new[] { "/healthz", "/", "/Account/Login", "/nocx/healthz" })
            Assert.True((await web.GetAsync(outside)).StatusCode == HttpStatusCode.NotFound, $"{outside} answered");
    }

    [Fact]
    public async Task The_Login_Page_Has_The_Base_Href_And_Its_Assets_Are_Served_Under_The_Path_Base()
    {
        await using var app = App();
        using var web = WebSession.For(app, "/noc");

        var html = await web.GetPageAsync("/noc/Account/Login");

        Assert.Contains("<base href=\"/noc/\"", html);
        var references = WebSession.References(html);
        var mudCss = Assert.Single(references, r => Regex.IsMatch(r, @"^_content/MudBlazor/MudBlazor\.min\.\w+\.css$"));
        var blazorJs = Assert.Single(references, r => Regex.IsMatch(r, @"^_framework/blazor\.web(\.\w+)?\.js$"));
        var nocCss = Assert.Single(references, r => Regex.IsMatch(r, @"^css/nocboard\.\w+\.css$"));

        foreach (var (asset, type) in new[] { (mudCss, "text/css"), (blazorJs, "text/javascript"), (nocCss, "text/css") })
        {
            var served = await web.GetAsync(asset); // relative, so under /noc/ as the browser resolves it
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"/noc/{asset}: {(int)served.StatusCode}");
            Assert.Equal(type, served.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("/" + asset)).StatusCode);
        }
    }

    [Fact]
    public async Task Login_And_Logout_Work_Under_The_Path_Base_And_Redirects_Stay_There()
    {
        await using var app = App();
        using var web = WebSession.For(app, "/noc");

        var anonymous = web.RedirectTarget(await web.GetAsync("/noc/"));
        Assert.Equal("/noc/Account/Login?ReturnUrl=%2Fnoc%2F", anonymous);

        var login = await web.LoginAsync(SystemUser.RootUserName, NocAppFactory.RootPassword, anonymous);
        Assert.Equal("/noc/", web.RedirectTarget(login));
        Assert.True(web.HasAuthCookie);
        var home = await web.GetPageAsync("/noc/");
        Assert.Contains("At a glance", home);

        var logout = await web.PostFormAsync("Account/Logout", // the form's action, relative to the base href
        [
            new("__RequestVerificationToken", WebSession.AntiforgeryToken(home)),
            new("ReturnUrl", WebSession.HiddenInput(home, "ReturnUrl")),
        ]);
        Assert.Equal("/noc/", web.RedirectTarget(logout));
        Assert.False(web.HasAuthCookie);
        Assert.StartsWith("/noc/Account/Login", web.RedirectTarget(await web.GetAsync("/noc/")));
    }

    [Fact]
    public async Task The_Lockout_Redirect_Stays_Under_The_Path_Base()
    {
        await using var app = App(("Accounts:MaxFailedLogins", "1"));
        using var web = WebSession.For(app, "/noc");

        var response = await web.LoginAsync(SystemUser.RootUserName, "Wrong-Password-1", "/noc/Account/Login");

        Assert.Equal("/noc/Account/Lockout", web.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/noc/Account/Lockout")).StatusCode);
    }
}
