using System.Diagnostics;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Api.RtRest;

/// <summary>
/// Ticket creation and TicketSQL searches through RT REST 1.0: with the real rt client, one process
/// per command as people and scripts run it, and as raw HTTP with a kept session for comparison.
/// Needs the rt client (Debian package rt5-clients).
/// </summary>
public sealed class RtRestBenchmark : IBenchmark
{
    private const int ClientRuns = 30;
    private const int HttpCreates = 1000;
    private const int HttpSearches = 300;
    private const int Parallel = 4;

    public string Name => "rtrest";
    public string Description => "tickets created and searches per second through /REST/1.0, with the real rt client and with raw HTTP";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var app = await BenchApp.StartAsync();

        // The rt client: every command is a new perl process, as when typed or scripted.
        await RtAsync(app, ct, "ls", "-i", "id = 0"); // logs in once; the session cookie is kept in ~/.rt_sessions
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ClientRuns; i++)
            await RtAsync(app, ct, "create", "-t", "ticket", "set", $"subject=rt bench {i}", "queue=General");
        report.Figure("rtrest_rt_client_creates_per_s", ClientRuns / clock.Elapsed.TotalSeconds, "tickets/s");
        var latencies = new List<double>();
        for (var i = 0; i < ClientRuns; i++)
        {
            var one = Stopwatch.StartNew();
            await RtAsync(app, ct, "ls", "-i", "Queue='General' AND Status='new'");
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        report.Figure("rtrest_rt_client_searches_per_s", ClientRuns / (latencies.Sum() / 1000), "searches/s");

        // Raw HTTP, a kept session, several clients at once.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var login = await http.PostAsync("REST/1.0/show", Form(("id", "queue/1"), ("user", "root"), ("pass", BenchApp.RootPassword)), ct);
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        var next = 0;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= HttpCreates)
            {
                var body = await (await http.PostAsync("REST/1.0/edit",
                    Form(("content", $"id: ticket/new\nQueue: General\nSubject: http bench {next}\nText: load\n")), ct)).Content.ReadAsStringAsync(ct);
                if (!body.Contains("created.")) throw new InvalidOperationException(body);
            }
        }));
        report.Figure("rtrest_http_creates_per_s", HttpCreates / clock.Elapsed.TotalSeconds, "tickets/s");

        var searchTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        next = 0;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= HttpSearches)
            {
                var one = Stopwatch.StartNew();
                var response = await http.PostAsync("REST/1.0/search/ticket",
                    Form(("query", "Queue='General' AND Status='new' AND Subject LIKE 'bench 7'"), ("format", "s"), ("orderby", "-id")), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!body.StartsWith("RT/4.4.6 200 Ok")) throw new InvalidOperationException(body);
                searchTimes.Add(one.Elapsed.TotalMilliseconds);
            }
        }));
        report.Figure("rtrest_http_searches_per_s", HttpSearches / clock.Elapsed.TotalSeconds, "searches/s");
        report.Latencies("rtrest_http_search", searchTimes.ToList());
        report.Count("rtrest_tickets_in_database", ClientRuns + HttpCreates);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task RtAsync(BenchApp app, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo("rt") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["RTSERVER"] = app.BaseAddress.ToString();
        start.Environment["RTUSER"] = "root";
        start.Environment["RTPASSWD"] = BenchApp.RootPassword;
        start.Environment["RTCONFIG"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || error.Length > 0)
            throw new InvalidOperationException($"rt {string.Join(' ', args)} failed ({process.ExitCode}): {output}{error}");
    }
}
