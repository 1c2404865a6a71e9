using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Mail;

/// <summary>
/// Messages per second through the MTA gateway: the same multipart post rt-mailgate sends (queue,
/// action, the raw message), from 4 concurrent senders as an MTA delivering in parallel would, each
/// answered only after its ticket committed. Half the messages are replies to earlier tickets (by
/// subject tag). The rt-mailgate Perl process itself is left out: it costs the MTA host, not NocBoard.
/// </summary>
public sealed class MailGatewayBenchmark : IBenchmark
{
    private const int Messages = 2000;
    private const int Senders = 4;

    public string Name => "mail";
    public string Description => "messages per second through /REST/1.0/NoAuth/mail-gateway, and memory while doing it";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var app = await BenchApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // Warm up (JIT, first user creation).
        for (var i = 0; i < 20; i++) await PostAsync(http, Message(-1 - i, null), ct);

        var peak = app.WorkingSet();
        // First on a server just started, whose code the runtime is still compiling; then as many
        // again, as they would reach a server that has been running.
        var (elapsed, coldPeak) = await DeliverAsync(app, http, first: 0, peak, ct);
        report.Figure("mail_gateway_messages_per_second", Messages / elapsed.TotalSeconds, "msg/s", ">= 250");
        var (warmElapsed, warmPeak) = await DeliverAsync(app, http, first: Messages, coldPeak, ct);
        report.Figure("mail_gateway_messages_per_second_warm", Messages / warmElapsed.TotalSeconds, "msg/s", ">= 250");
        report.Figure("mail_gateway_peak_memory_mb", warmPeak / 1048576.0, "MB");
        report.Note($"Twice {Messages} messages from {Senders} concurrent senders in {elapsed.TotalSeconds:0.0} s and {warmElapsed.TotalSeconds:0.0} s; half are replies threaded by subject tag.");
    }

    /// <summary>Messages <paramref name="first"/> onwards from the concurrent senders; the time taken and the peak working set.</summary>
    private static async Task<(TimeSpan Elapsed, long Peak)> DeliverAsync(BenchApp app, HttpClient http, int first, long peak, CancellationToken ct)
    {
        var next = first - 1;
        var last = first + Messages - 1;
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (clock.IsRunning) { peak = Math.Max(peak, app.WorkingSet()); await Task.Delay(250); }
        }, ct);
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= last)
                await PostAsync(http, Message(n, n % 2 == 1 ? 1 + n / 2 % 20 : null), ct);
        }, ct)));
        clock.Stop();
        await sampler;
        return (clock.Elapsed, peak);
    }

    private static async Task PostAsync(HttpClient http, string message, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent("xYzZY");
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(message));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "message");
        form.Add(new StringContent("General"), "queue");
        form.Add(new StringContent("correspond"), "action");
        using var response = await http.PostAsync("REST/1.0/NoAuth/mail-gateway", form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || !body.StartsWith("ok", StringComparison.Ordinal))
            throw new InvalidOperationException($"The gateway answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>A mail from a person: a new problem, or (with <paramref name="replyTo"/>) a reply to that ticket by its subject tag.</summary>
    internal static string Message(int n, int? replyTo) => $"""
        From: Sender {Math.Abs(n) % 50} <sender{Math.Abs(n) % 50}@example.org>
        To: noc@example.net
        Subject: {(replyTo is { } t ? $"Re: [NOC #{t}] " : "")}Link down at POP-{n}
        Message-ID: <bench.{n}.{Guid.NewGuid():N}@example.org>
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Content-Type: text/plain; charset=utf-8

        Interface xe-0/0/{n % 48} went down at 08:00. 回線断。

        """.Replace("\n", "\r\n");
}
