using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Outbox;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Mail.Outbound;

/// <summary>Two robots cannot answer each other forever: autoreplies to one address are limited per queue and hour.</summary>
public class AutoreplyLimiterTests
{
    private static MimeMessage Autoreply(string to, bool autoreply = true)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("NOC", "noc@example.net"));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = "AutoReply: Link down";
        if (autoreply) mail.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        mail.Body = new TextPart("plain") { Text = "We got your message." };
        return mail;
    }

    /// <summary>Queues the mail for the ticket and asks the limiter what may go out.</summary>
    private static async Task<MimeMessage?> SendAsync(Scenario scenario, int ticketId, MimeMessage mail, string key)
    {
        await scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(sp.GetRequiredService<NocDbContext>(), TimeProvider.System, mail, key, ticketId));
        var row = await scenario.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));
        return await LimitAsync(scenario, row);
    }

    private static Task<MimeMessage?> LimitAsync(Scenario scenario, OutboxMessage row) =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<AutoreplyLimiter>().LimitAsync(row, MailOutbox.Deserialize(row.Payload), default));

    [Fact]
    public async Task An_Address_Gets_At_Most_The_Queues_Limit_Per_Hour_And_A_Retry_Counts_Once()
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "01:00:00", ["Mail:Autoreplies:PerAddressPerHour"] = "3", ["Mail:Autoreplies:Queues:Abuse"] = "1",
        });
        var general = await scenario.TicketAsync("Link down");
        for (var i = 0; i < 3; i++)
            Assert.NotNull(await SendAsync(scenario, general, Autoreply("robot@example.org"), $"t:{i}"));
        Assert.Null(await SendAsync(scenario, general, Autoreply("robot@example.org"), "t:3"));

        // Another address, mail that is not an autoreply, and a retry of one already counted still go.
        Assert.NotNull(await SendAsync(scenario, general, Autoreply("person@example.org"), "t:4"));
        Assert.NotNull(await SendAsync(scenario, general, Autoreply("robot@example.org", autoreply: false), "t:5"));
        var first = await scenario.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == "t:0"));
        Assert.NotNull(await LimitAsync(scenario, first));

        // A queue with its own limit counts on its own.
        var abuseQueue = await scenario.QueueAsync("Abuse");
        var abuse = await scenario.TicketAsync("Port scan", queueId: abuseQueue);
        Assert.NotNull(await SendAsync(scenario, abuse, Autoreply("robot@example.org"), "a:0"));
        Assert.Null(await SendAsync(scenario, abuse, Autoreply("robot@example.org"), "a:1"));

        // Of several recipients only the one over the limit is left out.
        var both = Autoreply("robot@example.org");
        both.Cc.Add(MailboxAddress.Parse("other@example.org"));
        var sent = await SendAsync(scenario, general, both, "t:6");
        Assert.Equal(["other@example.org"], sent!.To.Mailboxes.Concat(sent.Cc.Mailboxes).Select(m => m.Address));
    }
}
