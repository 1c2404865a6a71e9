using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Api.Pages;
using NocBoard.Api.Tokens;
using NocBoard.Tests.Admin;

namespace NocBoard.Tests.Api.Pages;

/// <summary>The tokens page as its user works it: making a token (secret shown once), seeing it listed, revoking it.</summary>
public sealed class TokensPageTests : AdminComponentTest
{
    private AccessTokens tokens = null!;

    public TokensPageTests()
    {
        // Resolved at the first render, from the scenario started by then.
        Services.AddSingleton(_ => tokens);
        Services.AddSingleton(TimeProvider.System);
    }

    private async Task<IRenderedComponent<TokensPage>> OpenAsAsync(string userName)
    {
        var user = await S.UserAsync(userName);
        tokens = S.Services.CreateScope().ServiceProvider.GetRequiredService<AccessTokens>();
        SignIn(user);
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<TokensPage>();
        page.WaitForElement("input[data-testid=token-name]");
        return page;
    }

    [Fact]
    public async Task Making_A_Token_Shows_Its_Secret_Once_And_Lists_It_And_Revoking_Stops_It()
    {
        var page = await OpenAsAsync("alice");

        await page.InvokeAsync(() => page.Find("input[data-testid=token-name]").Change("nagios bridge"));
        await page.InvokeAsync(() => page.Find("input[data-testid=token-read-only], [data-testid=token-read-only] input[type=checkbox]").Change(true));
        await page.InvokeAsync(() => page.Find("button[data-testid=create-token]").Click());

        page.WaitForElement("input[data-testid=token-secret]");
        var secret = page.Find("input[data-testid=token-secret]").GetAttribute("value")!;
        Assert.StartsWith(AccessTokens.SecretPrefix, secret);
        var (identity, failure) = await tokens.ValidateAsync(secret);
        Assert.Null(failure);
        Assert.Equal(("alice", true), (identity!.UserName, identity.ReadOnly));
        var row = Assert.Single(page.FindAll("tr[data-testid=token-row]"));
        Assert.Contains("nagios bridge", row.TextContent);
        Assert.Contains("read-only", row.TextContent);
        Assert.Contains("active", row.TextContent);

        // Opened again, the page lists the token by its prefix, never with its secret.
        var again = Render<TokensPage>();
        again.WaitForElement("tr[data-testid=token-row]");
        Assert.DoesNotContain(secret, again.Markup);
        Assert.Contains(secret[..12], again.Markup);

        await page.InvokeAsync(() => page.Find("button[data-testid=revoke-token]").Click());
        page.WaitForAssertion(() => Assert.Contains("revoked", page.Find("tr[data-testid=token-row]").TextContent));
        Assert.Equal("The token has been revoked.", (await tokens.ValidateAsync(secret)).Failure);
    }

    [Fact]
    public async Task A_Token_Without_A_Name_Is_Refused_With_The_Reason_And_Nothing_Is_Made()
    {
        var page = await OpenAsAsync("bob");

        await page.InvokeAsync(() => page.Find("button[data-testid=create-token]").Click());

        page.WaitForAssertion(() => Assert.Contains("A token needs a name", page.Find("[data-testid=token-error]").TextContent));
        Assert.Empty(page.FindAll("input[data-testid=token-secret]"));
        Assert.Equal(0, await S.DbAsync(db => db.AccessTokens.CountAsync()));
    }
}
