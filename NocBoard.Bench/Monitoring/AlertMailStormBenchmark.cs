using System.Net.Http.Headers;
using System.Text;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Monitoring;

/// <summary>
/// The alert storm (<see cref="AlertStorm"/>) as Nagios notification mails through the MTA gateway:
/// each alert is the message Debian's <c>notify-service-by-email</c> command sends, posted to
/// /REST/1.0/NoAuth/mail-gateway the way rt-mailgate posts it, from 8 concurrent senders (an MTA
/// delivering to the alias in parallel), each answered only after its commit. The mail pipeline
/// (parse, de-duplicate by Message-ID, recognise by the seeded Nagios mail rule) comes on top of the
/// webhook's cost. <c>ALERTS_MAIL_KEYS</c> sets a smaller number of keys (20 alerts each).
/// </summary>
public sealed class AlertMailStormBenchmark : IBenchmark
{
    private const int Senders = 8;

    public string Name => "alerts-mail";
    public string Description => "the alert storm (10,000 alerts over 500 keys) as Nagios mails through the rt-mailgate gateway";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var keys = int.TryParse(Environment.GetEnvironmentVariable("ALERTS_MAIL_KEYS"), out var k) && k > 0 ? k : 500;
        await using var app = await BenchApp.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders })
        {
            BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        if (keys < 500) report.Note($"ALERTS_MAIL_KEYS={keys}: {keys * AlertStorm.Script.Length} alerts, fewer than the issue's 10,000");

        await AlertStorm.RunAsync(app, report, "alerts_mail", keys, Senders, null, async (key, step, state, token) =>
        {
            using var form = new MultipartFormDataContent("xYzZY");
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(NagiosMail(key, step, state, run)));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "message");
            form.Add(new StringContent("General"), "queue");
            form.Add(new StringContent("correspond"), "action");
            using var response = await http.PostAsync("REST/1.0/NoAuth/mail-gateway", form, token);
            var body = await response.Content.ReadAsStringAsync(token);
            return response.IsSuccessStatusCode && body.StartsWith("ok", StringComparison.Ordinal);
        }, ct);
    }

    /// <summary>What Debian's notify-service-by-email (printf "%b" ... | /usr/bin/mail -s ...) sends, as the MTA hands it on.</summary>
    private static string NagiosMail(int key, int step, string state, string run)
    {
        var (type, serviceState, output) = state == "ok"
            ? ("RECOVERY", "OK", "PING OK - Packet loss = 0%, RTA = 0.61 ms")
            : ("PROBLEM", "CRITICAL", "PING CRITICAL - Packet loss = 100%");
        var host = AlertStorm.Host(key);
        return $"""
            Return-Path: <nagios@monitor.example.net>
            From: nagios <nagios@monitor.example.net>
            To: noc@example.net
            Subject: ** {type} Service Alert: {host}/PING is {serviceState} **
            Message-ID: <{run}.{key}.{step}@monitor.example.net>
            Date: Mon, 23 Nov 2026 08:{step:D2}:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            ***** Nagios *****

            Notification Type: {type}

            Service: PING
            Host: {host}
            Address: 192.0.2.{key % 250 + 1}
            State: {serviceState}

            Date/Time: Mon Nov 23 08:{step:D2}:00 UTC 2026

            Additional Info:

            {output}

            """.Replace("\n", "\r\n");
    }
}
