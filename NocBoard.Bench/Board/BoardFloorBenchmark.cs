using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Board;

/// <summary>
/// The floor under board-circuits' latency on this machine: what the same 50 Chromium pages need to
/// show a card moving on the same 200-card board when nothing but the browsers stands in the way.
/// The board page NocBoard served is kept as it was drawn, without its scripts; a WebSocket server
/// here sends one message of a render batch's size to every page at the same moment, and each page
/// moves the card on its arrival (the old card's markup out, the same markup in at the top of the
/// other column, the counts), as Blazor applies a batch. Latency is from the send to each page's
/// stamp after the move. No server renders, no circuit and no Blazor script are involved: what
/// remains is the browsers sharing two cores, and the DevTools protocol that drives them.
/// </summary>
public sealed partial class BoardFloorBenchmark : IBenchmark
{
    private static readonly int Pages = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BOARD_PAGES"), out var n) && n > 0 ? n : 50;
    private const int Cards = 200;
    private const int Changes = 20;
    private const int WarmUp = 3; // changes not counted
    private static readonly TimeSpan Between = TimeSpan.FromSeconds(2);

    // BENCH_FLOOR_CSS: rules added after the board's own stylesheets, to measure a cheaper card or
    // column before the app is changed.
    private static readonly string? ExtraCss = Environment.GetEnvironmentVariable("BENCH_FLOOR_CSS");

    public string Name => "board-floor";
    public string Description => $"{Pages} browser pages with the {Cards}-card board as static HTML, one WebSocket message to all at once: the browsers' floor under board-circuits";

    // Moves the first card of one column to the top of the other, back and forth.
    private const string Mover = """
        <script>
        window.__stamps = [];
        window.__open = false;
        let back = false;
        const socket = new WebSocket('{SOCKET}');
        socket.binaryType = 'arraybuffer';
        socket.onopen = () => { window.__open = true; };
        socket.onmessage = () => {
            const from = back ? 'stalled' : 'open', to = back ? 'open' : 'stalled';
            back = !back;
            const slot = document.querySelector(`[data-testid=column-${from}] [data-testid=card]`).parentElement;
            const markup = slot.outerHTML;
            slot.remove();
            document.querySelector(`[data-testid=column-${to}] [data-testid=dropzone]`).insertAdjacentHTML('afterbegin', markup);
            for (const [status, by] of [[from, -1], [to, 1]]) {
                const count = document.querySelector(`[data-testid=count-${status}]`);
                count.textContent = String(Number(count.textContent) + by);
            }
            window.__stamps.push(performance.timeOrigin + performance.now());
        };
        </script>
        """;

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var (data, _) = await BenchData.WithTicketsAsync(Cards);
        await using var app = await BenchApp.StartAsync(dataDirectory: data);
        var cookie = await BenchLogin.RootCookieAsync(app.BaseAddress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchLogin.ChromiumAsync(playwright);
        await using var sockets = await PageSockets.StartAsync();

        // Served from the socket's own origin: Chromium refuses a page it was handed (a Playwright
        // route) a connection to 127.0.0.1 (its local network access checks). The page's styles
        // still come from NocBoard.
        var board = await DrawnBoardAsync(browser, app.BaseAddress, cookie);
        sockets.Page = Scripts().Replace(Base().Replace(board, ""), "")
            .Replace("</head>", ExtraCss is null ? "</head>" : $"<style>{ExtraCss}</style></head>")
            .Replace("</body>", Mover.Replace("{SOCKET}", sockets.Address.Replace("http://", "ws://", StringComparison.Ordinal)) + "</body>");
        sockets.Page = Relative().Replace(sockets.Page, m => $"{m.Groups[1].Value}=\"{new Uri(app.BaseAddress, m.Groups[2].Value)}\"");
        var pages = new List<IPage>();
        foreach (var batch in Enumerable.Range(0, Pages).Chunk(5))
            pages.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var context = await BenchLogin.RootContextAsync(browser, app.BaseAddress, cookie);
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(120_000);
                await page.GotoAsync(sockets.Address);
                await page.WaitForFunctionAsync("() => window.__open");
                return page;
            })));
        if (sockets.Count != Pages) throw new InvalidOperationException($"{sockets.Count} of {Pages} pages connected their WebSocket");
        report.Count("floor_pages", pages.Count, $">= {Pages}");

        var tracePath = Environment.GetEnvironmentVariable("BENCH_BOARD_TRACE");
        var trace = tracePath is null ? null : await ChromiumTrace.StartAsync(browser);
        var (idle, _) = await ProcessorTime.IdleAsync(Between, null, ct);

        var sent = new List<double>();
        var cpu = new ProcessorTime.PerChange();
        for (var i = 0; i < Changes + WarmUp && !ct.IsCancellationRequested; i++)
        {
            var before = ProcessorTime.ByBrowserProcess();
            sent.Add((DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds);
            await sockets.SendToAllAsync(ct);
            await Task.Delay(Between, ct);
            if (i >= WarmUp) cpu.Add(before, ProcessorTime.ByBrowserProcess());
        }
        if (trace is not null)
        {
            await trace.StopAsync(tracePath!);
            report.Note($"Chromium trace of the changes: {tracePath}");
        }

        var stamps = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double[]>("() => window.__stamps")));
        var all = new List<double>();
        var everyPage = new List<double>();
        for (var i = WarmUp; i < sent.Count; i++)
        {
            var change = stamps.Where(s => s.Length > i).Select(s => s[i] - sent[i]).ToList();
            if (change.Count < pages.Count) report.Note($"change {i}: {pages.Count - change.Count} pages did not show it");
            all.AddRange(change);
            if (change.Count > 0) everyPage.Add(change.Max());
        }
        report.Latencies("floor_send_to_dom", all);
        report.Latencies("floor_send_to_every_dom", everyPage);
        // From the send to the question for stamps (the change and the 2 s after it); idle beside, to subtract.
        cpu.Report(report, "floor", idle);
    }

    // The board as NocBoard drew it for root, once every card is on it.
    private static async Task<string> DrawnBoardAsync(IBrowser browser, Uri site, string cookie)
    {
        await using var context = await BenchLogin.RootContextAsync(browser, site, cookie);
        var page = await context.NewPageAsync();
        await page.GotoAsync("board");
        await page.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=card]').length >= {Cards}");
        return await page.ContentAsync();
    }

    [GeneratedRegex(@"<script\b[\s\S]*?</script>", RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<base\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Base();

    // href="css/…" and src="_content/…": what the page loads from NocBoard, relative to its base.
    [GeneratedRegex(@"\b(href|src)=""(?![a-z]+:|#|/)([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    /// <summary>A WebSocket server on 127.0.0.1 that keeps every page's socket and sends to all of them at once.</summary>
    private sealed class PageSockets : IAsyncDisposable
    {
        // The size of the render batch a card move sends each board page.
        private static readonly byte[] Message = new byte[1340];

        private readonly WebApplication host;
        private readonly ConcurrentDictionary<WebSocket, bool> open = new();

        private PageSockets(WebApplication host) => this.host = host;

        /// <summary>http://127.0.0.1:PORT/: the page at this address, its socket at the same with ws://.</summary>
        public string Address { get; private set; } = "";

        /// <summary>The HTML served for a plain request.</summary>
        public string Page { get; set; } = "";
        public int Count => open.Count;

        public static async Task<PageSockets> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var host = builder.Build();
            var sockets = new PageSockets(host);
            host.UseWebSockets();
            host.Run(async http =>
            {
                if (!http.WebSockets.IsWebSocketRequest)
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(sockets.Page);
                    return;
                }
                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                sockets.open[socket] = true;
                var buffer = new byte[256];
                try
                {
                    while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, http.RequestAborted)).CloseStatus.HasValue) { }
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
                {
                    // the page or this server went away: the end of the benchmark
                }
                finally
                {
                    sockets.open.TryRemove(socket, out _);
                }
            });
            await host.StartAsync();
            sockets.Address = host.Urls.Single() + "/";
            return sockets;
        }

        public Task SendToAllAsync(CancellationToken ct) =>
            Task.WhenAll(open.Keys.Select(s => s.SendAsync(Message, WebSocketMessageType.Binary, true, ct)));

        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await host.StopAsync(stop.Token);
            await host.DisposeAsync();
        }
    }
}
