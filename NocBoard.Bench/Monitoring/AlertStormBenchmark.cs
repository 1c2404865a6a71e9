using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using NocBoard.Bench.Support;
using NocBoard.Board.Hub;

namespace NocBoard.Bench.Monitoring;

/// <summary>
/// An alert storm through the generic webhook: 500 keys, each going down (10 alerts), recovering,
/// coming back within the reopen window (8 alerts) and recovering again: 10,000 alerts. Posted by 32
/// concurrent senders, one alert per request, each key's alerts in order. A hub client on
/// /hubs/board measures when each change reached the board.
/// </summary>
public sealed class AlertStormBenchmark : IBenchmark
{
    private const int Keys = 500;
    private const int Senders = 32;
    private const string Token = "bench-alert-token-5d1c";

    public string Name => "alerts";
    public string Description => "alert storm (10,000 alerts over 500 keys, with recoveries) through POST /monitoring/alerts";

    private static IEnumerable<string> Script()
    {
        for (var i = 0; i < 10; i++) yield return "problem";
        yield return "ok";
        for (var i = 0; i < 8; i++) yield return "problem";
        yield return "ok";
    }

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var app = await BenchApp.StartAsync(new Dictionary<string, string?> { ["Monitoring__SourceTokens__bench"] = Token });
        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentDictionary<(int Ticket, int Version), double>();
        await using var hub = await ConnectHubAsync(app, ct);
        hub.On<TicketChangedMessage>("TicketChanged", m => arrivals.TryAdd((m.TicketId, m.Version), clock.Elapsed.TotalMilliseconds));
        await hub.InvokeAsync<int[]>("WatchAll", ct);

        var script = Script().ToArray();
        var sent = new ConcurrentDictionary<(int Ticket, int Version), double>();
        var tickets = new ConcurrentDictionary<int, bool>();
        var failures = 0;
        var alerts = 0;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var started = clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            var keys = Enumerable.Range(0, Keys).Where(k => k % Senders == sender).ToArray();
            var versions = new Dictionary<int, int>();
            for (var step = 0; step < script.Length; step++)
            foreach (var key in keys)
            {
                var body = $$"""{"key":"bench-host-{{key:D3}}/ping","state":"{{script[step]}}","severity":"critical","summary":"PING CRITICAL on bench-host-{{key:D3}}"}""";
                var at = clock.Elapsed.TotalMilliseconds;
                using var response = await http.PostAsync("monitoring/alerts", new StringContent(body, Encoding.UTF8, "application/json"), ct);
                Interlocked.Increment(ref alerts);
                if (response.StatusCode != HttpStatusCode.OK) { Interlocked.Increment(ref failures); continue; }
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var outcome = answer.RootElement.GetProperty("alerts")[0];
                if (outcome.GetProperty("action").GetString() == "ignored") continue;
                var ticket = outcome.GetProperty("ticketId").GetInt32();
                tickets.TryAdd(ticket, true);
                versions[ticket] = versions.GetValueOrDefault(ticket) + 1;   // one commit per applied alert
                sent[(ticket, versions[ticket])] = at;
            }
        }, ct)));
        var elapsed = clock.Elapsed - started;

        await Task.Delay(TimeSpan.FromSeconds(2), ct);   // let the last changes reach the hub
        var delays = sent.Select(s => arrivals.TryGetValue(s.Key, out var seen) ? seen - s.Value : double.NaN).ToList();
        var missing = delays.Count(double.IsNaN);

        report.Count("alerts_sent", alerts);
        report.Count("alerts_refused", failures, "0");
        report.Figure("alerts_per_second_webhook", alerts / elapsed.TotalSeconds, "alerts/s", ">= 1000");
        report.Count("alerts_outages_sent", Keys * script.Count(s => s == "ok"));
        report.Count("alerts_problem_episodes", Keys);
        report.Count("alerts_tickets_created", tickets.Count, $"= {Keys} episodes (a return within the reopen window reopens its ticket)");
        report.Figure("alerts_board_delay_max_ms", delays.Where(d => !double.IsNaN(d)).DefaultIfEmpty().Max(), "ms");
        report.Latencies("alerts_board_delay", delays.Where(d => !double.IsNaN(d)).ToList());
        report.Count("alerts_board_changes_missing", missing, "0");
        report.Note("mail path: no inbound mail gateway on this branch yet; alert mails are taken by the IInboundMailInterceptor once it exists");
    }

    /// <summary>Logs in as root through the login form and connects to the board hub with the cookie.</summary>
    private static async Task<HubConnection> ConnectHubAsync(BenchApp app, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        var form = await http.GetStringAsync("Account/Login", ct);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var login = await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login",
            ["Input.UserName"] = "root", ["Input.Password"] = BenchApp.RootPassword,
        }), ct);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/board"), o => o.Cookies = cookies)
            .Build();
        await hub.StartAsync(ct);
        return hub;
    }
}
