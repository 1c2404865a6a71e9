using NocBoard.Tests.Support;

namespace NocBoard.Tests.Components;

/// <summary>Other sites may not frame NocBoard's pages (a hidden frame under a "resolve" button).</summary>
public class FramingTests
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData("not-a-page")]
    public async Task Pages_May_Be_Framed_Only_By_NocBoard_Itself(string page)
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var response = await web.GetAsync(page);

        Assert.Equal("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
