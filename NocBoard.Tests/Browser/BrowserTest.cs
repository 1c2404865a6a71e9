using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using NocBoard.Tests.Support;
using Xunit.Abstractions;

namespace NocBoard.Tests.Browser;

/// <summary>
/// Base of the browser tests. Each person in a test gets their own browser context (own cookies,
/// own circuit). A test's body runs inside <see cref="InBrowserAsync"/>, which on failure saves a
/// screenshot of every open page to TestResults/browser/ and adds the browser's console errors to
/// the failure output; on success it checks that no page shows Blazor's "unhandled error" bar.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private readonly ChromiumFixture chromium;
    private readonly BrowserApp app;
    private readonly ITestOutputHelper output;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<(string Who, IPage Page)> pages = [];
    private readonly List<string> browserLog = [];

    protected BrowserTest(ChromiumFixture chromium, BrowserApp app, ITestOutputHelper output)
    {
        this.chromium = chromium;
        this.app = app;
        this.output = output;
    }

    protected BrowserApp App => app;

    protected Scenario S => app.Scenario;

    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "browser");

    /// <summary>A fresh browser context (no cookies) with one page, for one person.</summary>
    protected async Task<IPage> NewBrowserAsync(string who)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        // A full page load (a login post and its redirect) waits for every in-process host of the
        // suite that is busy at that moment; a minute keeps a loaded CI run from failing on it.
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        pages.Add((who, page));
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") Log($"[{who} console {message.Type}] {message.Text}");
        };
        page.PageError += (_, error) => Log($"[{who} page error] {error}");
        return page;
    }

    /// <summary>Opens a browser for the user and logs in through the login form, as a person would.</summary>
    protected async Task<IPage> LogInAsync(string userName, string password)
    {
        var page = await NewBrowserAsync(userName);
        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.UserName").FillAsync(userName);
        await page.Locator("#Input\\.Password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await CircuitReadyAsync(page);
        return page;
    }

    /// <summary>Loads a page (a full load, as typing the address) and waits until it is interactive.</summary>
    protected static async Task OpenAsync(IPage page, string relativeUrl)
    {
        await page.GotoAsync(relativeUrl);
        await CircuitReadyAsync(page);
    }

    /// <summary>Waits for the marker the layout renders once the Blazor circuit is live: before it, clicks do nothing.</summary>
    protected static Task CircuitReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=circuit-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Runs a test's body; on failure saves screenshots and the browser's errors, then rethrows.</summary>
    protected async Task InBrowserAsync(Func<Task> body, [CallerMemberName] string test = "")
    {
        var serverLogMark = app.Log.Count;
        try
        {
            await body();
            foreach (var (who, page) in pages)
            {
                Assert.False(await page.IsVisibleAsync("#blazor-error-ui"),
                    $"{who}'s page {page.Url} shows Blazor's unhandled-error bar.\n{string.Join("\n", browserLog)}");
            }
        }
        catch (Exception failure)
        {
            var saved = new List<string>();
            Directory.CreateDirectory(ScreenshotFolder);
            foreach (var (who, page) in pages)
            {
                var file = Path.Combine(ScreenshotFolder, $"{GetType().Name}.{test}.{who}.png");
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
                    saved.Add($"{who} at {page.Url}: {file}");
                }
                catch (PlaywrightException e)
                {
                    saved.Add($"{who} at {page.Url}: no screenshot ({e.Message})");
                }
            }
            throw new Xunit.Sdk.XunitException(
                $"{failure.GetType().Name}: {failure.Message}\n" +
                $"Screenshots:\n  {string.Join("\n  ", saved)}\n" +
                $"Browser log:\n  {string.Join("\n  ", browserLog)}\n" +
                $"Server warnings and errors:\n  {string.Join("\n  ", app.Log.Since(serverLogMark))}\n" +
                $"{failure.StackTrace}");
        }
    }

    private void Log(string line)
    {
        lock (browserLog) browserLog.Add(line);
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { /* the test has already finished */ }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
    }
}
