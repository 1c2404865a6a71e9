using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Api;

/// <summary>
/// The REST JSON API against a database of 100,000 tickets: ticket creations per second through
/// POST /api/v1/tickets (several clients at once, as scripts and alert bridges would), and TicketSQL
/// searches per second with their latency for the typical "Queue = X AND Status = Y" and for a
/// content search. The tickets are loaded straight into the SQLite file (see <see cref="TicketLoader"/>).
/// </summary>
public sealed class ApiBenchmark : IBenchmark
{
    private const int Tickets = 100_000;
    private const int Creations = 3000;
    private const int Clients = 8;
    private const int Searches = 300;
    private const int ContentSearches = 50;

    public string Name => "api";
    public string Description => "REST JSON API: creations/s and TicketSQL search latency with 100,000 tickets";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        // The limiter protects production from runaway scripts; here it would measure itself.
        await using var app = await BenchApp.StartAsync(new Dictionary<string, string?> { ["RateLimits__Enabled"] = "false" });
        var database = Path.Combine(app.DataDirectory, "nocboard.db");

        var secret = await BenchLogin.RootAccessTokenAsync(app, ct);
        int rootId;
        await using (var db = TicketLoader.Open(database))
            rootId = await db.Users.Where(u => u.UserName == "root").Select(u => u.Id).SingleAsync(ct);

        var load = await TicketLoader.LoadAsync(database, Tickets, rootId, ct);
        report.Count("api_tickets_loaded", Tickets);
        report.Figure("api_load_seconds", load.TotalSeconds, "s");

        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        // Warm-up: JIT, connection pool, first queries.
        for (var i = 0; i < 20; i++)
            (await http.PostAsJsonAsync("api/v1/tickets", new { queue = "Outages", subject = $"warm-up {i}", content = "x" }, ct)).EnsureSuccessStatusCode();

        // First on a server just started, whose code the runtime is still compiling; then as many
        // again, as they would reach a server that has been running.
        await CreateAsync(http, database, report, "api_ticket_creations_per_second", first: 1, ct);
        await CreateAsync(http, database, report, "api_ticket_creations_per_second_warm", first: Creations + 1, ct);

        var typical = "Queue = 'Outages' AND Status = 'open'";
        var (perSecond, latencies) = await SearchAsync(http, typical, Searches, ct);
        report.Figure("api_search_queue_status_per_second", perSecond, "searches/s");
        report.Latencies("api_search_queue_status", latencies, "< 50 ms");

        var (contentPerSecond, contentLatencies) = await SearchAsync(http, "Content LIKE 'cid0042'", ContentSearches, ct);
        report.Figure("api_search_content_per_second", contentPerSecond, "searches/s");
        report.Latencies("api_search_content", contentLatencies);
        report.Note($"{Tickets} tickets loaded into SQLite through NocDbContext, then twice {Creations} creations by {Clients} concurrent clients; searches one at a time, 50 per page, sorted by number, as root");
    }

    /// <summary>
    /// <see cref="Creations"/> tickets from <see cref="Clients"/> clients at once; the rate of answers,
    /// and the rate once every creation's scrips have run too.
    /// </summary>
    private static async Task CreateAsync(HttpClient http, string database, BenchReport report, string name, int first, CancellationToken ct)
    {
        var next = first - 1;
        var last = first + Creations - 1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= last)
            {
                var response = await http.PostAsJsonAsync("api/v1/tickets", new
                {
                    queue = TicketLoader.Queues[n % TicketLoader.Queues.Length],
                    subject = $"Alert {n}: interface down on core-{n % 40}",
                    requestors = new[] { "monitoring@noc.example" },
                    priority = n % 100,
                    content = $"Nagios: CRITICAL - ge-0/0/{n % 48} down",
                }, ct);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }));
        var created = clock.Elapsed;
        report.Figure(name, Creations / created.TotalSeconds, "tickets/s", ">= 250");
        // An answer comes once the ticket is committed; its scrips run after. Until they have, the
        // work of a creation is not all done, so the rate that includes them is printed too.
        await WaitForScripsAsync(database, TimeSpan.FromMinutes(2), ct);
        report.Figure($"{name}_with_scrips_run", Creations / clock.Elapsed.TotalSeconds, "tickets/s");
    }

    /// <summary>Waits until no scrip run is left in the outbox (mail is not counted: the benchmark has no relay).</summary>
    private static async Task WaitForScripsAsync(string database, TimeSpan limit, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        await using var pending = connection.CreateCommand();
        pending.CommandText = "SELECT COUNT(*) FROM Outbox WHERE Kind = 'automation.scrips' AND Processed IS NULL AND Failed IS NULL";
        var until = DateTime.UtcNow + limit;
        while (Convert.ToInt64(await pending.ExecuteScalarAsync(ct)) > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Scrip runs were still waiting {limit.TotalSeconds} s after the last creation.");
            await Task.Delay(50, ct);
        }
    }

    private static async Task<(double PerSecond, List<double> Latencies)> SearchAsync(HttpClient http, string query, int count, CancellationToken ct)
    {
        var url = "api/v1/tickets?pageSize=50&query=" + Uri.EscapeDataString(query);
        for (var i = 0; i < 5; i++) (await http.GetAsync(url, ct)).EnsureSuccessStatusCode();
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var one = Stopwatch.StartNew();
            var response = await http.GetAsync(url + $"&page={1 + i % 5}", ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        return (count / total.Elapsed.TotalSeconds, latencies);
    }
}
