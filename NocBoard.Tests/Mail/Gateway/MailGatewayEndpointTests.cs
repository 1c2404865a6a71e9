using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Mail;
using NocBoard.Mail.Inbound;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Mail.Gateway;

/// <summary>The MTA gateway with the real, unmodified rt-mailgate from Debian's rt5-clients, and with Postfix in front of it.</summary>
[Collection(MailServersCollection.Name)]
public class MailGatewayEndpointTests(MailServers servers)
{
    [Fact]
    public async Task Rt_Mailgate_Creates_A_Ticket_And_The_Replies_Thread_By_Tag_And_By_In_Reply_To()
    {
        await using var app = await MailApp.StartAsync(servers);
        var first = Mails.Message("Carol Customer <carol@example.org>", "BGP session down on edge2", "BGP peer 192.0.2.1 down");
        var (code, output) = await app.MailgateAsync(first);
        Assert.True(code == 0, output);

        var ticket = Assert.Single(await app.TicketsAsync());
        Assert.Equal("BGP session down on edge2", ticket.Subject);
        var requestor = await app.Scenario.DbAsync(db => db.TicketWatchers.Where(w => w.TicketId == ticket.Id && w.Role == WatcherRole.Requestor)
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => u).SingleAsync());
        Assert.Equal("carol@example.org", requestor.Email);
        Assert.False(requestor.Privileged);

        // A reply with the tag, through Postfix piping to rt-mailgate as an alias does.
        var byTag = Mails.Message("carol@example.org", $"Re: {SubjectTag.Format("NOC", ticket.Id)} BGP session down", "Still down from here.");
        await servers.SendAsync(byTag, $"{app.Port}@{MailServers.GatewayDomain}");
        await MailApp.WaitUntilAsync(async () => (await app.MessagesAsync(ticket.Id)).Count == 2, "the tagged reply is on the ticket");

        // A reply without the tag finds the ticket by In-Reply-To.
        var byReference = Mails.Message("carol@example.org", "Re: BGP session down", "It came back at 10:02.");
        byReference.InReplyTo = first.MessageId;
        (code, output) = await app.MailgateAsync(byReference);
        Assert.True(code == 0, output);

        Assert.Single(await app.TicketsAsync());
        var messages = await app.MessagesAsync(ticket.Id);
        Assert.Equal([TransactionType.Create, TransactionType.Correspond, TransactionType.Correspond], messages.Select(m => m.Type));
        Assert.Contains("It came back at 10:02.", System.Text.Encoding.UTF8.GetString(messages[2].Attachments.First(a => a.IsBody).Content));
    }

    [Fact]
    public async Task The_Comment_Action_Records_A_Comment_And_The_Same_Message_Twice_Is_Recorded_Once()
    {
        await using var app = await MailApp.StartAsync(servers);
        var root = await app.Scenario.RootAsync();
        await app.Scenario.DbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "root");
            user.Email = "root@example.net";
            user.NormalizedEmail = "ROOT@EXAMPLE.NET";
            await db.SaveChangesAsync();
            return 0;
        });
        var id = await app.Scenario.TicketAsync("Fibre cut at POP-3");
        var note = Mails.Message("root@example.net", $"[NOC #{id}] Fibre cut", "Splicing crew on site at 14:00.");
        var (code, output) = await app.MailgateAsync(note, action: "comment");
        Assert.True(code == 0, output);
        (code, output) = await app.MailgateAsync(note, action: "comment");
        Assert.True(code == 0, output);

        var messages = await app.MessagesAsync(id);
        Assert.Single(messages, m => m.Type == TransactionType.Comment);
        Assert.Equal(1, await app.Scenario.DbAsync(db => db.Set<MailReceipt>().CountAsync()));
    }

    [Fact]
    public async Task A_Wrong_Secret_Or_Source_Is_Refused_And_Rt_Mailgate_Leaves_The_Mail_With_The_Mta()
    {
        await using var app = await MailApp.StartAsync(servers, new Dictionary<string, string?> { ["Mail:Gateway:Secret"] = "s3cret-gateway-key" });
        var message = Mails.Message("dave@example.org", "Printer on fire", "Really.");

        var (code, output) = await app.MailgateAsync(message);
        Assert.True(code == 75, $"exit {code}: {output}");
        (code, output) = await app.MailgateAsync(message, url: $"{app.Url}mail-gateway/wrong-key/");
        Assert.True(code == 75, $"exit {code}: {output}");
        Assert.Empty(await app.TicketsAsync());
        Assert.Empty(await app.QuarantineAsync());

        (code, output) = await app.MailgateAsync(message, url: $"{app.Url}mail-gateway/s3cret-gateway-key/");
        Assert.True(code == 0, output);
        Assert.Single(await app.TicketsAsync());

        await using var elsewhere = await MailApp.StartAsync(servers, new Dictionary<string, string?>
        {
            ["Mail:Gateway:AllowedSources"] = "192.0.2.0/24, 192.0.2.1",
        });
        (code, output) = await elsewhere.MailgateAsync(message);
        Assert.True(code == 75, $"exit {code}: {output}");
        Assert.Empty(await elsewhere.TicketsAsync());
    }

    [Fact]
    public async Task When_Nothing_Can_Be_Stored_Rt_Mailgate_Exits_75_Postfix_Retries_And_The_Ticket_Is_Made_Once()
    {
        var outage = new StorageOutage { Down = true };
        await using var app = await MailApp.StartAsync(servers, services: s => s.AddSingleton<IInboundMailInterceptor>(outage));
        var message = Mails.Message("erin@example.org", "Core router CPU at 100%", "since 09:00");

        var (code, output) = await app.MailgateAsync(message);
        Assert.True(code == 75, $"exit {code}: {output}");
        Assert.Contains("temporary failure", output);
        Assert.Empty(await app.TicketsAsync());

        // Through Postfix: the pipe's exit 75 defers the mail instead of bouncing or losing it.
        var logBefore = File.Exists(servers.PostfixLog) ? File.ReadAllText(servers.PostfixLog).Length : 0;
        await servers.SendAsync(message, $"{app.Port}@{MailServers.GatewayDomain}");
        await MailApp.WaitUntilAsync(() => Task.FromResult(File.ReadAllText(servers.PostfixLog)[logBefore..].Contains("status=deferred")),
            "Postfix defers the message");
        Assert.Empty(await app.TicketsAsync());

        outage.Down = false;
        var flushed = DateTime.MinValue;
        await MailApp.WaitUntilAsync(async () =>
            {
                // Ask for the retry now rather than after Postfix's backoff (again, if qmgr was busy).
                if (DateTime.UtcNow - flushed > TimeSpan.FromSeconds(3))
                {
                    await servers.FlushQueueAsync();
                    flushed = DateTime.UtcNow;
                }
                return (await app.TicketsAsync()).Count == 1;
            }, "the retried message becomes a ticket",
            context: () => MailServers.Tail(servers.PostfixLog));
        (code, output) = await app.MailgateAsync(message);
        Assert.True(code == 0, output);
        await Task.Delay(500);
        Assert.Single(await app.TicketsAsync());
    }

    [Fact]
    public async Task A_Sender_Without_Rights_Is_Quarantined_With_The_Reason_And_Answered_Ok()
    {
        await using var app = await MailApp.StartAsync(servers, new Dictionary<string, string?>
        {
            ["Mail:Inbound:QueuesRefusingUnknownSenders"] = "General",
        });
        var (code, output) = await app.MailgateAsync(Mails.Message("stranger@example.org", "Buy cheap routers", "now"));
        Assert.True(code == 0, output);
        Assert.Empty(await app.TicketsAsync());
        var held = Assert.Single(await app.QuarantineAsync());
        Assert.Contains("stranger@example.org is not a known user", held.Reason);
        Assert.Equal("Buy cheap routers", held.Subject);
    }

    [Fact]
    public async Task An_Unknown_Action_Is_A_Temporary_Failure()
    {
        await using var app = await MailApp.StartAsync(servers);
        var (code, output) = await app.MailgateAsync(Mails.Message("fay@example.org", "x", "y"), action: "frobnicate");
        Assert.True(code == 75, $"exit {code}: {output}");
        Assert.Empty(await app.TicketsAsync());
    }

    private sealed class StorageOutage : IInboundMailInterceptor
    {
        public volatile bool Down;

        public Task<bool> TryTakeAsync(InboundMail mail, CancellationToken ct) =>
            Down ? throw new IOException("The database disk is not available.") : Task.FromResult(false);
    }
}
