using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using NocBoard.Bench.Support;
using NocBoard.Board.Hub;

namespace NocBoard.Bench.Monitoring;

/// <summary>
/// The alert storm both ways in share: each key goes down (10 alerts), recovers, comes back within
/// the reopen window (8 alerts) and recovers again, so every key is exactly one problem episode and
/// one ticket. Senders take keys round-robin and send each key's alerts in order. A hub client on
/// /hubs/board notes when each commit reached the board; afterwards the keys' tickets are read from
/// the data folder (read-only), so a way in that does not answer with the ticket (the mail gateway
/// answers "ok") is measured the same way as one that does.
/// </summary>
internal static class AlertStorm
{
    public static readonly string[] Script =
        [.. Enumerable.Repeat("problem", 10), "ok", .. Enumerable.Repeat("problem", 8), "ok"];

    /// <summary>Sends alert <paramref name="step"/> of the script for <paramref name="key"/>; false when refused.</summary>
    public delegate Task<bool> Send(int key, int step, string state, CancellationToken ct);

    /// <param name="firstKey">The first bench key of this storm: a second storm on the same server takes keys of its own.</param>
    public static async Task RunAsync(BenchApp app, BenchReport report, string prefix, int keys, int senders,
        string? target, Send send, CancellationToken ct, int firstKey = 0)
    {
        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentDictionary<(int Ticket, int Version), double>();
        await using var hub = await ConnectHubAsync(app, ct);
        hub.On<TicketChangedMessage>("TicketChanged", m => arrivals.TryAdd((m.TicketId, m.Version), clock.Elapsed.TotalMilliseconds));
        await hub.InvokeAsync<int[]>("WatchAll", ct);

        var sent = new ConcurrentDictionary<(int Key, int Step), double>();
        var refused = 0;
        var started = clock.Elapsed;
        var cpuBefore = app.ProcessorTime();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            var mine = Enumerable.Range(firstKey, keys).Where(k => k % senders == sender).ToArray();
            for (var step = 0; step < Script.Length; step++)
            foreach (var key in mine)
            {
                var at = clock.Elapsed.TotalMilliseconds;
                if (await send(key, step, Script[step], ct)) sent[(key, step)] = at;
                else Interlocked.Increment(ref refused);
            }
        }, ct)));
        var elapsed = clock.Elapsed - started;
        var cpu = app.ProcessorTime() - cpuBefore;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);   // let the last changes reach the hub

        var (episodes, alertTickets, allTickets) = ReadOutcome(app.DataDirectory,
            Enumerable.Range(firstKey, keys).Select(Name).ToHashSet());
        // One commit per applied alert: the ticket's version after alert n of its key is n + 1 - 1 = step + 1.
        var delays = sent.Select(s => episodes.TryGetValue(Name(s.Key.Key), out var ticket)
                && arrivals.TryGetValue((ticket, s.Key.Step + 1), out var seen) ? seen - s.Value : double.NaN).ToList();
        var shown = delays.Where(d => !double.IsNaN(d)).ToList();
        var total = keys * Script.Length;

        report.Count($"{prefix}_sent", total);
        report.Count($"{prefix}_refused", refused, "0");
        report.Figure($"{prefix}_per_second", total / elapsed.TotalSeconds, "alerts/s", target);
        // Two cores give 2,000 ms of CPU a second: 1,000 alerts/s needs at most 2 ms each, senders included.
        report.Figure($"{prefix}_server_cpu_per_alert", cpu.TotalMilliseconds / total, "ms");
        report.Count($"{prefix}_outages_sent", keys * Script.Count(s => s == "ok"));
        report.Count($"{prefix}_problem_episodes", keys);
        report.Count($"{prefix}_tickets_created", alertTickets, $"= {keys} episodes (a return within the reopen window reopens its ticket)");
        report.Count($"{prefix}_other_tickets", allTickets - alertTickets, "0");
        report.Latencies($"{prefix}_board_delay", shown);
        report.Count($"{prefix}_board_changes_missing", delays.Count - shown.Count, "0");
        report.Note($"{total} alerts over {keys} keys from {senders} concurrent senders in {elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The alert key of bench key <paramref name="key"/>: Nagios's host/service.</summary>
    public static string Host(int key) => $"bench-host-{key:D3}";

    public static string Name(int key) => $"{Host(key)}/PING";

    /// <summary>Each of this storm's keys' current ticket, the tickets its alerts opened, and the tickets it made in all, as committed.</summary>
    private static (Dictionary<string, int> Episodes, int AlertTickets, int AllTickets) ReadOutcome(string dataDirectory, HashSet<string> names)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "nocboard.db"), Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        connection.Open();
        var episodes = new Dictionary<string, int>();
        var opened = new HashSet<int>();
        var others = new HashSet<int>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Key, TicketId, CurrentKey IS NOT NULL FROM AlertEpisodes";
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                var (key, ticket) = (rows.GetString(0), rows.GetInt32(1));
                if (!names.Contains(key)) { others.Add(ticket); continue; }
                opened.Add(ticket);
                if (rows.GetBoolean(2)) episodes[key] = ticket;
            }
        }
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Tickets";
        // Tickets made by an earlier storm on the same server are not this storm's.
        return (episodes, opened.Count, Convert.ToInt32(count.ExecuteScalar()) - others.Count);
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
