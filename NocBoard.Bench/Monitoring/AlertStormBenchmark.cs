using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Monitoring;

/// <summary>
/// The alert storm (<see cref="AlertStorm"/>: 10,000 alerts over 500 keys) through the generic
/// webhook, from 32 concurrent senders, one alert per request: once on a server just started, and
/// once more on 500 other keys when that server has warmed up.
/// </summary>
public sealed class AlertStormBenchmark : IBenchmark
{
    private const int Senders = 32;
    private const string Token = "bench-alert-token-5d1c";

    public string Name => "alerts";
    public string Description => "alert storm (10,000 alerts over 500 keys, with recoveries) through POST /monitoring/alerts";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var app = await BenchApp.StartAsync(new Dictionary<string, string?> { ["Monitoring__SourceTokens__nagios"] = Token });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        AlertStorm.Send send = async (key, _, state, token) =>
        {
            var body = $$"""{"source":"nagios","key":"{{AlertStorm.Name(key)}}","state":"{{state}}","severity":"CRITICAL","summary":"PING CRITICAL on {{AlertStorm.Host(key)}}"}""";
            using var response = await http.PostAsync("monitoring/alerts", new StringContent(body, Encoding.UTF8, "application/json"), token);
            if (response.StatusCode != HttpStatusCode.OK) return false;
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
            return answer.RootElement.GetProperty("alerts")[0].GetProperty("action").GetString() != "ignored";
        };
        // First on a server just started, whose code the runtime is still compiling; then the same
        // storm again on other keys, as it would hit a server that has been running.
        await AlertStorm.RunAsync(app, report, "alerts_webhook", keys: 500, Senders, ">= 1000", send, ct);
        await AlertStorm.RunAsync(app, report, "alerts_webhook_warm", keys: 500, Senders, ">= 1000", send, ct, firstKey: 500);
    }
}
