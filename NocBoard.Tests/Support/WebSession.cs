using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace NocBoard.Tests.Support;

/// <summary>
/// One browser's worth of HTTP: a cookie jar, no automatic redirects, and helpers to read and post
/// the server-rendered forms (antiforgery token included) the way a browser would.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    public const string AuthCookieName = "NocBoard.Auth";

    private WebSession(HttpClient client, CookieContainer cookies, Uri baseAddress)
    {
        Client = client;
        Cookies = cookies;
        BaseAddress = baseAddress;
    }

    public HttpClient Client { get; }
    public CookieContainer Cookies { get; }

    /// <summary>The site's root, with the path base and a trailing slash, e.g. http://localhost/noc/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A session against the in-memory test server.</summary>
    public static WebSession For(NocAppFactory app, string pathBase = "")
    {
        var cookies = new CookieContainer();
        var baseAddress = new Uri("http://localhost" + pathBase.TrimEnd('/') + "/");
        var client = app.CreateDefaultClient(new Uri("http://localhost/"), new CookieContainerHandler(cookies));
        return new WebSession(client, cookies, baseAddress);
    }

    /// <summary>A session against a real server over the network.</summary>
    public static WebSession For(Uri siteRoot)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        return new WebSession(client, cookies, siteRoot);
    }

    /// <summary>
    /// A path relative to the site's root ("Account/Login"), as links under &lt;base href&gt; resolve,
    /// or an absolute path ("/noc/Account/Login", as a redirect names it).
    /// </summary>
    public Uri Url(string relative) => new(BaseAddress, relative);

    public Task<HttpResponseMessage> GetAsync(string relative) => Client.GetAsync(Url(relative));

    public async Task<string> GetPageAsync(string relative)
    {
        var response = await GetAsync(relative);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    public Task<HttpResponseMessage> PostFormAsync(string relative, IEnumerable<KeyValuePair<string, string>> fields) =>
        Client.PostAsync(Url(relative), new FormUrlEncodedContent(fields));

    public bool HasAuthCookie => Cookies.GetCookies(BaseAddress).Any(c => c.Name == AuthCookieName && !c.Expired);

    /// <summary>GETs the login page and posts its form, as someone typing in the browser.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password, string loginPage = "Account/Login", bool rememberMe = false)
    {
        var html = await GetPageAsync(loginPage);
        return await PostFormAsync(loginPage,
        [
            new("__RequestVerificationToken", AntiforgeryToken(html)),
            new("_handler", "login"),
            new("Input.UserName", userName),
            new("Input.Password", password),
            new("Input.RememberMe", rememberMe ? "true" : "false"),
        ]);
    }

    /// <summary>Logs in and asserts it worked.</summary>
    public async Task LoginOrFailAsync(string userName, string password)
    {
        var response = await LoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"login as {userName}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        Assert.True(HasAuthCookie, $"login as {userName} set no {AuthCookieName} cookie");
    }

    /// <summary>Where a redirect points, as a path (with the path base) and query, e.g. "/Account/Lockout".</summary>
    public string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect,
            $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("redirect without Location");
        var absolute = location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
        Assert.Equal(BaseAddress.GetLeftPart(UriPartial.Authority), absolute.GetLeftPart(UriPartial.Authority));
        return absolute.PathAndQuery;
    }

    public static string AntiforgeryToken(string html) => HiddenInput(html, "__RequestVerificationToken");

    /// <summary>The value of the first &lt;input name="..."&gt; in the page.</summary>
    public static string HiddenInput(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value)
                .ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (attributes.TryGetValue("name", out var n) && n == name)
                return attributes.GetValueOrDefault("value", "");
        }
        throw new Xunit.Sdk.XunitException($"no input named {name} in the page:\n{html}");
    }

    /// <summary>Every href and src in the page.</summary>
    public static IReadOnlyList<string> References(string html) =>
        ReferenceAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).ToList();

    public void Dispose() => Client.Dispose();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"(?<name>[\w.\-]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\b(?:href|src)\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceAttribute();
}
