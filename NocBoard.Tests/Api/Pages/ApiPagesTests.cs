using System.Net;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.Pages;

public sealed class ApiPagesTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    [Fact]
    public async Task The_Api_Page_Lists_The_Endpoints_And_Links_The_Document()
    {
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var html = await web.GetPageAsync("api-docs");
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("api/v1/tickets/{id}/correspond", html);
        Assert.Contains("Create a ticket", html);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"api-operation\"").Count >= 45);

        var nav = await web.GetPageAsync("");
        Assert.Contains("href=\"api-docs\"", nav);
        Assert.Contains("preferences/tokens", await web.GetPageAsync("preferences"));
    }

    [Fact]
    public async Task The_Tokens_Page_Lists_The_Users_Tokens_But_Never_A_Secret()
    {
        var secret = await s.TokenAsync(await s.RootAsync());
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var html = await web.GetPageAsync("preferences/tokens");
        Assert.Contains(secret[..12], html);
        Assert.DoesNotContain(secret, html);
        Assert.Contains("data-testid=\"token-row\"", html);

        using var anonymous = WebSession.For(s.App);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("preferences/tokens")).StatusCode);
    }
}
