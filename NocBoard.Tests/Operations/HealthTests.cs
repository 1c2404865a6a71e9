using System.Net;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Operations;

public class HealthTests
{
    [Fact]
    public async Task Healthz_Answers_200_Ok_Without_A_Login_Once_Ready()
    {
        await using var app = new NocAppFactory();
        using var web = WebSession.For(app);

        var response = await web.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Empty(web.Cookies.GetAllCookies());
    }
}
