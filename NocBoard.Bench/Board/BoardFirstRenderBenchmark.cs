using System.Diagnostics;
using Microsoft.Playwright;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Board;

/// <summary>
/// Opening a board that holds 1,000 cards: from asking for the page to every card on screen (the
/// server's first render), and until the circuit is live (cards can be dragged). Median of a few loads.
/// </summary>
public sealed class BoardFirstRenderBenchmark : IBenchmark
{
    private const int Cards = 1000;
    private const int Loads = 5;

    public string Name => "board-render";
    public string Description => $"first render of a board holding {Cards} cards";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var (data, _) = await BenchData.WithTicketsAsync(Cards);
        await using var app = await BenchApp.StartAsync(dataDirectory: data);
        var cookie = await BenchLogin.RootCookieAsync(app.BaseAddress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchLogin.ChromiumAsync(playwright);
        var context = await BenchLogin.RootContextAsync(browser, app.BaseAddress, cookie);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        var shown = new List<double>();
        var live = new List<double>();
        for (var i = 0; i <= Loads; i++)
        {
            await page.GotoAsync("about:blank");
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("board", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=card]').length >= {Cards}",
                null, new() { PollingInterval = 10 });
            var firstRender = clock.Elapsed.TotalMilliseconds;
            await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=card]').length >= {Cards}",
                null, new() { PollingInterval = 10 });
            if (i == 0) continue; // the first load warms the server up
            shown.Add(firstRender);
            live.Add(clock.Elapsed.TotalMilliseconds);
        }
        var cards = await page.Locator("[data-testid=card]").CountAsync();
        report.Count("board_render_cards", cards, $">= {Cards}");
        report.Figure("board_render_first_ms", Median(shown), "ms", "< 1000 ms");
        report.Figure("board_render_interactive_ms", Median(live), "ms");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
