using System.Diagnostics;
using MailKit;
using MailKit.Search;
using MimeKit;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Mail;

/// <summary>
/// Messages per second through IMAP polling: a real Dovecot on loopback holds 2,000 messages (the
/// gateway benchmark's mix: half new tickets, half replies by subject tag), NocBoard polls it
/// (mail-poll every second, all of them in one run) and takes each in, marking it seen only after
/// its commit. Timed from the first message marked seen to the last, read from the mailbox itself;
/// memory is the server's peak working set meanwhile.
/// </summary>
public sealed class ImapPollingBenchmark : IBenchmark
{
    private const int Messages = 2000;

    public string Name => "mail-imap";
    public string Description => "messages per second through IMAP polling of a real Dovecot, and memory while doing it";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        await using var dovecot = await BenchDovecot.StartAsync();
        using (var filler = await dovecot.ConnectAsync())
        {
            var messages = Enumerable.Range(0, Messages)
                .Select(n => new IAppendRequest[] { new AppendRequest(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(MailGatewayBenchmark.Message(n, n % 2 == 1 ? 1 + n / 2 % 20 : null))))) })
                .SelectMany(m => m).ToList();
            foreach (var chunk in messages.Chunk(200)) await filler.Inbox.AppendAsync(chunk, ct);
            await filler.DisconnectAsync(true, ct);
        }

        await using var app = await BenchApp.StartAsync(new Dictionary<string, string?>
        {
            ["Mail__Polling__BatchSize"] = Messages.ToString(),
            ["Mail__Polling__Mailboxes__0__Name"] = "bench",
            ["Mail__Polling__Mailboxes__0__Protocol"] = "Imap",
            ["Mail__Polling__Mailboxes__0__Host"] = "127.0.0.1",
            ["Mail__Polling__Mailboxes__0__Port"] = dovecot.ImapPort.ToString(),
            ["Mail__Polling__Mailboxes__0__Security"] = "None",
            ["Mail__Polling__Mailboxes__0__UserName"] = BenchDovecot.User,
            ["Mail__Polling__Mailboxes__0__Password"] = dovecot.Password,
            ["Mail__Polling__Mailboxes__0__Queue"] = "General",
            ["Jobs__Schedules__mail-poll"] = "* * * * * *",
        });

        using var watcher = await dovecot.ConnectAsync();
        await watcher.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var peak = app.WorkingSet();
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        var seen = 0;
        while (seen < Messages)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException($"Only {seen} of {Messages} messages were taken in within 10 minutes:\n{app.Output}");
            await Task.Delay(100, ct);
            peak = Math.Max(peak, app.WorkingSet());
            seen = (await watcher.Inbox.SearchAsync(SearchQuery.Seen, ct)).Count;
            if (seen > 0) first ??= clock.Elapsed;
        }
        var elapsed = clock.Elapsed - first!.Value;
        await watcher.DisconnectAsync(true, ct);

        report.Figure("mail_imap_messages_per_second", Messages / elapsed.TotalSeconds, "msg/s");
        report.Figure("mail_imap_peak_memory_mb", peak / 1048576.0, "MB");
        report.Note($"{Messages} messages taken from Dovecot over IMAP in {elapsed.TotalSeconds:0.0} s (first to last marked seen; the first poll came {first.Value.TotalSeconds:0.0} s after start); the gateway figure is './bench.sh mail'.");
    }
}
