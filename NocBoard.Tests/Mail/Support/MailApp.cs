using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Quarantine;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Mail.Support;

/// <summary>
/// NocBoard on a real Kestrel socket (rt-mailgate and Postfix reach it over TCP), wired to the test
/// mail servers: outgoing mail goes to Postfix, the outbox is polled every second.
/// </summary>
public sealed class MailApp : IAsyncDisposable
{
    private MailApp(Scenario scenario, int port)
    {
        Scenario = scenario;
        Port = port;
    }

    public Scenario Scenario { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";

    public static Task<MailApp> StartAsync(MailServers servers, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = servers.SmtpPort.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:CorrespondAddress"] = $"inbox@{MailServers.Domain}",
            ["Mail:CommentAddress"] = $"inbox-comment@{MailServers.Domain}",
            ["Outbox:PollInterval"] = "00:00:01",
            ["Jobs:Schedules:mail-poll"] = "off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = new NocAppFactory(all, services);
        try
        {
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return Task.FromResult(new MailApp(Scenario.For(app), new Uri(address).Port));
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Scenario.DisposeAsync();

    /// <summary>Runs the real rt-mailgate with the message on stdin, as an MTA alias would.</summary>
    public Task<(int ExitCode, string Output)> MailgateAsync(MimeMessage message, string action = "correspond",
        string queue = "General", string? url = null) =>
        MailServers.RunWithInputAsync(MailServers.RtMailgate, Bytes(message), NoProxy,
            "--queue", queue, "--action", action, "--url", url ?? Url);

    /// <summary>rt-mailgate honours http_proxy; the app is on loopback.</summary>
    public static readonly IDictionary<string, string> NoProxy = new Dictionary<string, string>
    {
        ["http_proxy"] = "", ["HTTP_PROXY"] = "", ["https_proxy"] = "", ["HTTPS_PROXY"] = "", ["all_proxy"] = "", ["ALL_PROXY"] = "",
    };

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    public Task<List<Ticket>> TicketsAsync() => Scenario.DbAsync(db => db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync());

    public Task<List<QuarantinedMail>> QuarantineAsync() =>
        Scenario.DbAsync(db => db.Set<QuarantinedMail>().AsNoTracking().OrderBy(q => q.Id).ToListAsync());

    public Task<List<TicketTransaction>> MessagesAsync(int ticketId) => Scenario.DbAsync(db => db.Transactions.AsNoTracking()
        .Include(t => t.Attachments)
        .Where(t => t.TicketId == ticketId && (t.Type == TransactionType.Create || t.Type == TransactionType.Correspond || t.Type == TransactionType.Comment))
        .OrderBy(t => t.Id).ToListAsync());

    public async Task<MailIntakeResult> TakeAsync(MimeMessage message, string via = "test", string? queue = "General", string action = "correspond") =>
        await Scenario.InScopeAsync(sp => sp.GetRequiredService<MailIntake>().TakeAsync(new MailIntakeRequest(Bytes(message), via, queue, action)));

    /// <summary>Waits until the condition holds (polling the database), failing after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}. {context?.Invoke()}");
            await Task.Delay(200);
        }
    }
}

/// <summary>Builds test messages.</summary>
public static class Mails
{
    public static MimeMessage Message(string from, string subject, string body, string to = "inbox@mail.test", string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
