using System.Net;
using System.Text.RegularExpressions;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Components;

/// <summary>The hand-written files in wwwroot-assets/ are what the pages reference and what is served.</summary>
public class StaticAssetTests
{
    [Theory]
    [InlineData(@"^css/nocboard\.(\w+)\.css$", "css/nocboard.css", "text/css")]
    [InlineData(@"^favicon\.(\w+)\.png$", "favicon.png", "image/png")]
    public async Task The_Page_References_The_Fingerprinted_Asset_And_It_Is_Served_Byte_For_Byte(
        string referencePattern, string sourceFile, string contentType)
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var html = await web.GetPageAsync("Account/Login");
        var reference = Assert.Single(WebSession.References(html), r => Regex.IsMatch(r, referencePattern));

        var response = await web.GetAsync(reference);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var source = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Assets, sourceFile));
        Assert.NotEmpty(source);
        Assert.Equal(source, await response.Content.ReadAsByteArrayAsync());
    }
}
