using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using NocBoard.Bench.Support;
using NocBoard.Board.Hub;

namespace NocBoard.Bench.Board;

/// <summary>
/// 500 .NET SignalR clients of /hubs/board, signed in, watching one queue; an agent changes tickets
/// in it. Latency is from the commit (the message's Committed, stamped by the write path when the
/// database transaction has committed) to the moment each client has the message. The first
/// <see cref="WarmUp"/> changes (JIT, first sends) are not counted.
/// </summary>
public sealed class HubFanOutBenchmark : IBenchmark
{
    private const int Clients = 500;
    private const int Changes = 40;
    private const int WarmUp = 5;

    public string Name => "hub";
    public string Description => $"{Clients} SignalR clients watching one queue: commit-to-arrival latency, memory per client";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var (data, tickets) = await BenchData.WithTicketsAsync(20);
        await using var app = await BenchApp.StartAsync(dataDirectory: data);
        var cookie = await BenchLogin.RootCookieAsync(app.BaseAddress);
        const int general = 1;

        var received = new ConcurrentBag<(int Ticket, int Version, DateTimeOffset At, DateTimeOffset Committed)>();
        // Memory per client is the slope between 100 and 500 clients (the first pay for warming up).
        long before = 0;
        var connections = new List<HubConnection>();
        foreach (var batch in Enumerable.Range(0, Clients).Chunk(50))
        {
            if (connections.Count == 100) before = await SettledMemoryAsync(app);
            connections.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(app.BaseAddress, "hubs/board"), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.Headers["Cookie"] = cookie;
                    })
                    .Build();
                connection.On<TicketChangedMessage>(BoardHubRelay.TicketChanged,
                    m => received.Add((m.TicketId, m.Version, DateTimeOffset.UtcNow, m.Committed)));
                await connection.StartAsync(ct);
                await connection.InvokeAsync(nameof(BoardHub.WatchQueue), general, ct);
                return connection;
            })));
        }
        var after = await SettledMemoryAsync(app);
        report.Count("hub_clients", connections.Count, $">= {Clients}");
        report.Figure("hub_memory_per_client_kb", (after - before) / 1024.0 / (connections.Count - 100), "KB");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchLogin.ChromiumAsync(playwright);
        var driver = await TicketDriver.OpenAsync(await BenchLogin.RootContextAsync(browser, app.BaseAddress, cookie));
        var all = new List<double>();
        var everyClient = new List<double>();
        for (var i = 0; i < Changes && !ct.IsCancellationRequested; i++)
        {
            received.Clear();
            var ticket = tickets[i % tickets.Count];
            await driver.SetStatusAsync(ticket, i / tickets.Count % 2 == 0 ? "stalled" : "open");
            var wait = Stopwatch.StartNew();
            while (received.Count(r => r.Ticket == ticket) < Clients && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20, ct);
            var arrivals = received.Where(r => r.Ticket == ticket).Select(r => (r.At - r.Committed).TotalMilliseconds).ToList();
            if (arrivals.Count < Clients) report.Note($"change {i}: only {arrivals.Count} of {Clients} clients got it within 10 s");
            if (i >= WarmUp)
            {
                all.AddRange(arrivals);
                if (arrivals.Count > 0) everyClient.Add(arrivals.Max());
            }
            await Task.Delay(100, ct);
        }
        report.Latencies("hub_commit_to_client", all, "< 100 ms");
        report.Latencies("hub_commit_to_every_client", everyClient);
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }

    /// <summary>The server's resident memory once it has been quiet for a moment.</summary>
    internal static async Task<long> SettledMemoryAsync(BenchApp app)
    {
        await Task.Delay(3000);
        return app.WorkingSet();
    }
}
