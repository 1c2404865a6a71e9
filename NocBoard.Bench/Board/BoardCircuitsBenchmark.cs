using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using NocBoard.Bench.Support;
using NocBoard.Board.Hub;

namespace NocBoard.Bench.Board;

/// <summary>
/// 50 headless Chromium pages, each its own Blazor circuit with the 200-card board open; tickets
/// change through the REST API (or from an agent's page, BENCH_BOARD_CHANGE=page). Latency is from
/// the commit (Committed, from a hub client listening beside) to the moment each page's DOM shows
/// the card in its new column (a MutationObserver in the page stamps it). Also: server memory per
/// open board circuit.
/// </summary>
public sealed class BoardCircuitsBenchmark : IBenchmark
{
    /// <summary>BENCH_BOARD_PAGES=N opens N pages instead of 50 (more than 10 for a memory figure).
    /// BENCH_BOARD_TRACE=FILE records a Chromium trace of the changes (open it in chrome://tracing or Perfetto).</summary>
    private static readonly int Pages = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BOARD_PAGES"), out var n) && n > 0 ? n : 50;
    private const int Cards = 200;
    private const int Changes = 20;
    private const int WarmUp = 3; // changes not counted

    /// <summary>
    /// BENCH_BOARD_PAGE=wall opens the wall screen of the same board instead (measured the same way);
    /// BENCH_BOARD_PAGE=board/999999 a page with the same layout and no board, which reports only
    /// memory per circuit: what a circuit costs before the board adds anything.
    /// </summary>
    private static readonly string Page = Environment.GetEnvironmentVariable("BENCH_BOARD_PAGE") ?? "board";
    private static readonly bool ShowsCards = Page is "board" or "wall";

    /// <summary>
    /// The changes are made through the REST API, as a script or a monitoring system makes them: the
    /// agent who makes a change works at a machine of their own, and their browser uses none of the
    /// CPU the 50 measured screens share. BENCH_BOARD_CHANGE=page makes them from an agent's page in
    /// the same browser instead (its drawing then shares the two cores with the measured pages).
    /// </summary>
    private static readonly bool ChangeByApi = Environment.GetEnvironmentVariable("BENCH_BOARD_CHANGE") != "page";

    /// <summary>
    /// The 50 pages stand for 50 screens, each on a machine of its own, and the server for a server
    /// of its own; here they share two cores. Linux schedules them as two groups (autogroups: Chromium
    /// starts in a session of its own, the server is started in one), and a group that is mostly idle,
    /// as the server is between changes, gets little of a core when it wakes: its threads waited
    /// 80–500 ms, runnable, while the pages it had already updated drew their frames (perf sched),
    /// so the batches for the other pages left the server that late. The server's group is given
    /// precedence (nice -20), as its own machine would give it; BENCH_SERVER_NICE=0 measures without.
    /// </summary>
    private static readonly int ServerNice = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SERVER_NICE"), out var nice) ? nice : -20;

    /// <summary>BENCH_BOARD_WARMUP=0 measures memory on the fresh server, without the boards opened and left first.</summary>
    private static readonly bool WarmUpServer = Environment.GetEnvironmentVariable("BENCH_BOARD_WARMUP") != "0";

    public string Name => "board-circuits";
    public string Description => $"{Pages} browser circuits with a {Cards}-card board (/{Page}): commit-to-DOM latency, memory per circuit";

    // Each page stamps the moment its DOM shows the card in its new column (a MutationObserver) and
    // keeps the stamp until the benchmark collects it, after the change has reached every page:
    // nothing asks the pages anything while they are being timed. (Awaiting a promise in each page
    // meant 50 answers through the DevTools protocol in the middle of the window, and before that
    // asking every 50 ms meant 1,000 calls a second, on the two cores the pages and server share.)
    private const string Watch = """
        ([id, status]) => {
            const done = () => document.querySelector(`[data-testid=column-${status}] [data-ticket="${id}"]`) !== null;
            if (window.__observer) window.__observer.disconnect();
            window.__seen = null;
            window.__observer = new MutationObserver(() => {
                if (done()) { window.__observer.disconnect(); window.__seen = [performance.timeOrigin + performance.now(), window.__messageAt]; }
            });
            window.__observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        }
        """;

    // The moment the last WebSocket message reached the page: Blazor applies a render batch as its
    // message arrives, so at the DOM's stamp this is the batch's arrival. It splits the latency into
    // the way to the page (server, network, the page being scheduled) and the page's own work.
    private const string StampMessages = """
        const Native = window.WebSocket;
        window.WebSocket = function (...args) {
            const socket = new Native(...args);
            socket.addEventListener('message', () => { window.__messageAt = performance.timeOrigin + performance.now(); });
            return socket;
        };
        window.WebSocket.prototype = Native.prototype;
        Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        """;

    /// <summary>How long after a change the pages are first asked for their stamps; a page without one yet is asked again each half second.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var (data, tickets) = await BenchData.WithTicketsAsync(Cards);
        await using var app = await BenchApp.StartAsync(dataDirectory: data, ownSession: true);
        if (ServerNice != 0) app.SetSessionNice(ServerNice);
        report.Note($"the server's scheduling group at nice {ServerNice} against the browsers' (BENCH_SERVER_NICE)");
        var cookie = await BenchLogin.RootCookieAsync(app.BaseAddress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchLogin.ChromiumAsync(playwright);

        var committed = new ConcurrentDictionary<(int, int), DateTimeOffset>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/board"), o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; o.Headers["Cookie"] = cookie; })
            .Build();
        hub.On<TicketChangedMessage>(BoardHubRelay.TicketChanged, m => committed[(m.TicketId, m.Version)] = m.Committed);
        await hub.StartAsync(ct);
        await hub.InvokeAsync(nameof(BoardHub.WatchAll), ct);

        var driver = await TicketDriver.OpenAsync(await BenchLogin.RootContextAsync(browser, app.BaseAddress, cookie));
        await driver.SetStatusAsync(tickets[0], "stalled"); // the driver's own circuit is not one of the measured ones

        async Task<IPage> OpenBoardAsync()
        {
            var context = await BenchLogin.RootContextAsync(browser, app.BaseAddress, cookie);
            await context.AddInitScriptAsync(StampMessages);
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(Page);
            await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached });
            if (ShowsCards) await page.WaitForFunctionAsync($"document.querySelectorAll('[data-testid=card]').length >= {Cards}");
            return page;
        }

        // Memory per circuit is measured on a warmed-up server, as a NOC server runs. The first
        // boards pay for loading and compiling the code they run, which is no cost of a circuit:
        // the runtime compiles a method again, optimised, after its 30th call, and a page load calls
        // many methods once. Between 10 and 50 boards of a fresh server the JIT's code heap grew by
        // 5.7 MB (0.14 MB a board), and native memory that the JIT allocated while compiling
        // (heaptrack: 10 MB not yet freed while boards 25 to 50 opened) was about as much again.
        // So as many boards as the half are opened and left first.
        var half = Pages / 2 / 5 * 5; // pages open in fives
        if (WarmUpServer && half >= 10)
        {
            foreach (var batch in Enumerable.Range(0, half).Chunk(5))
                foreach (var page in await Task.WhenAll(batch.Select(_ => OpenBoardAsync())))
                {
                    // Leaving the page ends its circuit (Blazor's disconnect beacon on pagehide); a page
                    // only closed left 2 of 10 circuits kept for Blazor's reconnection period.
                    await page.GotoAsync("about:blank");
                    await page.Context.CloseAsync();
                }
            report.Note($"{half} boards opened and left to warm the server up");
        }

        // A single reading moves by a few MB with what the GC holds at that moment (0.7 to 1.1 MB a
        // circuit in two runs of the same code from two readings), so the figure is the
        // least-squares slope through a reading after every five boards from the half on. The
        // slope from 10 is printed beside it.
        long fromTen = 0;
        var readings = new List<(int Pages, long Bytes)>();
        var pages = new List<IPage>();
        var open = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, Pages).Chunk(5))
        {
            if (pages.Count == 10) fromTen = await HubFanOutBenchmark.SettledMemoryAsync(app);
            if (pages.Count >= half && half >= 10) readings.Add((pages.Count, await HubFanOutBenchmark.SettledMemoryAsync(app)));
            pages.AddRange(await Task.WhenAll(batch.Select(_ => OpenBoardAsync())));
        }
        report.Note($"{pages.Count} board pages open in {open.Elapsed.TotalSeconds:F0} s");
        var after = await HubFanOutBenchmark.SettledMemoryAsync(app);
        readings.Add((pages.Count, after));
        report.Count("board_circuits", pages.Count, $">= {Pages}");
        if (readings.Count >= 2)
        {
            report.Note("resident MB by open boards: " + string.Join(", ", readings.Select(r => $"{r.Pages}: {r.Bytes / 1048576.0:F1}")));
            report.Figure("board_memory_per_circuit_mb", Slope(readings) / 1048576.0, "MB", "< 1 MB");
            report.Figure("board_memory_per_circuit_two_readings_mb", (after - readings[0].Bytes) / 1048576.0 / (pages.Count - readings[0].Pages), "MB");
            report.Figure("board_memory_per_circuit_from_10_mb", (after - fromTen) / 1048576.0 / (pages.Count - 10), "MB");
        }
        report.Count("board_server_threads", app.ThreadCount());
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_BOARD_HOLD"), out var hold))
        {
            // Time to look at the server with every page open (dotnet-gcdump, dotnet-counters); nothing is timed meanwhile.
            Console.WriteLine($"holding the {pages.Count} pages open for {hold} s: server process {app.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(hold), ct);
        }
        if (!ShowsCards) return; // a page without the board: only its memory per circuit is of interest

        var all = new List<double>();
        var everyPage = new List<(int Change, double Ms)>(); // per change, until the last page showed it
        TimeSpan serverCpu = default;
        var browserCpu = new ProcessorTime.PerChange();
        using var api = ChangeByApi ? await ApiClientAsync(app, ct) : null;
        var toMessage = new List<double>();
        var messageToDom = new List<double>();
        var tracePath = Environment.GetEnvironmentVariable("BENCH_BOARD_TRACE");
        var trace = tracePath is null ? null : await ChromiumTrace.StartAsync(browser);
        var (browsersIdle, serverIdle) = await ProcessorTime.IdleAsync(Settle, app, ct);
        for (var i = 0; i < Changes + WarmUp && !ct.IsCancellationRequested; i++)
        {
            var ticket = tickets[1 + i];
            var status = "stalled";
            // The agent's page is open (and settled) before anything is measured: only the change counts.
            if (api is null) await driver.OpenAsync(ticket);
            await Task.Delay(500, ct);
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Watch, new object[] { ticket, status })));
            var (server0, browsers0) = (app.ProcessorTime(), ProcessorTime.ByBrowserProcess());
            if (api is null) await driver.SetStatusAsync(ticket, status);
            else (await api.PutAsJsonAsync($"api/v1/tickets/{ticket}/status", new { status }, ct)).EnsureSuccessStatusCode();
            await Task.Delay(Settle, ct);
            var (server1, browsers1) = (app.ProcessorTime(), ProcessorTime.ByBrowserProcess());
            var stamps = await CollectStampsAsync(pages, ct);
            var seen = new List<double>();
            var wait = Stopwatch.StartNew();
            var key = (0, -1);
            while (wait.Elapsed < TimeSpan.FromSeconds(10)
                   && (key = committed.Keys.Where(k => k.Item1 == ticket).DefaultIfEmpty((0, -1)).Max()).Item2 <= 0)
                await Task.Delay(20, ct);
            if (stamps.Count == pages.Count && key.Item2 > 0)
            {
                var at = (committed[key] - DateTimeOffset.UnixEpoch).TotalMilliseconds;
                seen = stamps.Select(t => t.Dom - at).ToList();
                if (i >= WarmUp)
                {
                    toMessage.AddRange(stamps.Select(t => t.Message - at));
                    messageToDom.AddRange(stamps.Select(t => t.Dom - t.Message));
                }
            }
            if (seen.Count < pages.Count) report.Note($"change {i}: not every page showed it within 30 s");
            if (i >= WarmUp)
            {
                // Includes the REST request (or, BENCH_BOARD_CHANGE=page, the agent's page making the change and showing it).
                serverCpu += server1 - server0;
                browserCpu.Add(browsers0, browsers1);
                all.AddRange(seen);
                if (seen.Count > 0) everyPage.Add((i, seen.Max()));
            }
        }
        report.Latencies("board_commit_to_dom", all, "< 250 ms");
        report.Latencies("board_commit_to_every_dom", everyPage.Select(c => c.Ms).ToList());
        report.Latencies("board_commit_to_message", toMessage);
        report.Latencies("board_message_to_dom", messageToDom);
        report.Note("slowest changes (change: ms until every page showed it): "
                    + string.Join(", ", everyPage.OrderByDescending(c => c.Ms).Take(5).Select(c => $"{c.Change}: {c.Ms:F0}")));
        // CPU from the change until the pages are asked for their stamps (the change and the 2 s after
        // it); their use in 2 s with nothing happening is printed beside, to subtract.
        report.Figure("board_server_cpu_per_change_ms", serverCpu.TotalMilliseconds / Changes, "ms");
        report.Figure("board_server_cpu_idle_2s_ms", serverIdle, "ms");
        browserCpu.Report(report, "board", browsersIdle);
        if (trace is not null)
        {
            await trace.StopAsync(tracePath!);
            report.Note($"Chromium trace of the changes: {tracePath}");
        }
    }

    private static async Task<HttpClient> ApiClientAsync(BenchApp app, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await BenchLogin.RootAccessTokenAsync(app, ct));
        return http;
    }

    // Every page's stamps once the change should have reached them all; a page still without one is
    // asked again each half second, for 30 s at most (it is then left out, and the change reported).
    private static async Task<List<(double Dom, double Message)>> CollectStampsAsync(List<IPage> pages, CancellationToken ct)
    {
        var give = Stopwatch.StartNew();
        while (true)
        {
            var stamps = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double[]?>("() => window.__seen")));
            if (stamps.All(t => t is not null) || give.Elapsed > TimeSpan.FromSeconds(30))
                return [.. stamps.OfType<double[]>().Select(t => (t[0], t[1]))];
            await Task.Delay(500, ct);
        }
    }

    // Least squares: bytes per page through every reading.
    private static double Slope(IReadOnlyList<(int Pages, long Bytes)> readings)
    {
        var meanX = readings.Average(r => r.Pages);
        var meanY = readings.Average(r => (double)r.Bytes);
        return readings.Sum(r => (r.Pages - meanX) * (r.Bytes - meanY)) / readings.Sum(r => (r.Pages - meanX) * (r.Pages - meanX));
    }
}
