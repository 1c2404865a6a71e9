using System.Net;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.RateLimits;

public sealed class ApiRateLimitsTests
{
    private static Task<Scenario> StartAsync(int perToken, int perAddress, int login) => Scenario.StartAsync(new Dictionary<string, string?>
    {
        ["RateLimits:ApiPerToken"] = perToken.ToString(),
        ["RateLimits:ApiPerAddress"] = perAddress.ToString(),
        ["RateLimits:LoginPerAddress"] = login.ToString(),
        ["RateLimits:Window"] = "00:01:00",
    });

    [Fact]
    public async Task A_Token_Over_Its_Limit_Gets_429_With_Retry_After_While_Another_Token_Still_Works()
    {
        await using var s = await StartAsync(perToken: 3, perAddress: 100, login: 100);
        var first = await s.RootClientAsync();
        for (var i = 0; i < 3; i++) await (await first.GetAsync("/api/v1/users/me")).OkJsonAsync();
        var refused = await first.GetAsync("/api/v1/users/me");
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);

        await (await (await s.RootClientAsync()).GetAsync("/api/v1/users/me")).OkJsonAsync();
    }

    [Fact]
    public async Task One_Address_Over_Its_Limit_Gets_429_Whatever_Token_It_Uses()
    {
        await using var s = await StartAsync(perToken: 100, perAddress: 4, login: 100);
        for (var i = 0; i < 4; i++) await (await (await s.RootClientAsync()).GetAsync("/api/v1/users/me")).OkJsonAsync();
        await (await (await s.RootClientAsync()).GetAsync("/api/v1/users/me")).ProblemAsync(HttpStatusCode.TooManyRequests);
        // Pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await s.Client(null).GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Login_Posts_From_One_Address_Are_Limited()
    {
        await using var s = await StartAsync(perToken: 100, perAddress: 100, login: 2);
        using var web = WebSession.For(s.App);
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await web.LoginAsync("root", "wrong-password-" + i)).StatusCode);
        var refused = await web.LoginAsync("root", NocAppFactory.RootPassword);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.False(web.HasAuthCookie);
    }
}
