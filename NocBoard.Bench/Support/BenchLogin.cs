using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NocBoard.Api.Tokens;
using NocBoard.Bench.Api;

namespace NocBoard.Bench.Support;

/// <summary>Signing in as root: through the login form, for HTTP clients and for Chromium; with an access token, for the REST API.</summary>
public static partial class BenchLogin
{
    public const string CookieName = "NocBoard.Auth";

    /// <summary>The "Cookie" header of a root session.</summary>
    public static async Task<string> RootCookieAsync(Uri site)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site };
        var form = await http.GetStringAsync("Account/Login");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "login",
            ["Input.UserName"] = "root", ["Input.Password"] = BenchApp.RootPassword,
        }));
        var cookie = cookies.GetCookies(site)[CookieName] ?? throw new InvalidOperationException($"login failed: {(int)response.StatusCode}");
        return $"{cookie.Name}={cookie.Value}";
    }

    /// <summary>A browser context already signed in as root (the cookie set by the form).</summary>
    public static async Task<IBrowserContext> RootContextAsync(IBrowser browser, Uri site, string cookieHeader)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = site.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        var value = cookieHeader[(CookieName.Length + 1)..];
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = CookieName, Value = value, Url = site.ToString() }]);
        return context;
    }

    /// <summary>A new access token of root's for the REST API, written to the database as an admin's "new token" would be.</summary>
    public static async Task<string> RootAccessTokenAsync(BenchApp app, CancellationToken ct)
    {
        var secret = AccessTokens.SecretPrefix + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        await using var db = TicketLoader.Open(Path.Combine(app.DataDirectory, "nocboard.db"));
        var rootId = await db.Users.Where(u => u.UserName == "root").Select(u => u.Id).SingleAsync(ct);
        db.AccessTokens.Add(new AccessToken
        {
            UserId = rootId, Name = "bench", Hash = AccessTokens.HashOf(secret), Prefix = secret[..12],
            Created = DateTimeOffset.UtcNow, CreatedById = rootId,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>BENCH_CHROMIUM=PATH runs another Chromium build (e.g. /usr/bin/chromium-headless-shell).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("BENCH_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<IBrowser> ChromiumAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Every page is a wall screen someone looks at: no throttling of pages in the background.
                "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
            ],
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
