using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;
using NocBoard.Monitoring;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Monitoring.Mail;

/// <summary>
/// Nagios's own notification mails, as Debian's commands.cfg renders them, handed to NocBoard by the
/// real rt-mailgate as an MTA alias would: the whole way in, not only the interceptor.
/// </summary>
[Collection(MailServersCollection.Name)]
public class NagiosThroughTheGatewayTests(MailServers servers)
{
    /// <summary>What the MTA adds on the way: every notification is its own message.</summary>
    private static MimeMessage Sent(MimeMessage message)
    {
        message.MessageId = MimeUtils.GenerateMessageId("nagios.example.net");
        message.Date = DateTimeOffset.UtcNow;
        return message;
    }

    [Fact]
    public async Task A_Host_Going_Down_And_Coming_Back_Is_One_Ticket_That_Gathers_The_Repeats_And_Resolves_Itself()
    {
        await using var app = await MailApp.StartAsync(servers);
        for (var i = 0; i < 3; i++)
        {
            var (code, output) = await app.MailgateAsync(Sent(NagiosNotification.Host("PROBLEM", "DOWN")));
            Assert.True(code == 0, output);
        }
        var (exit, said) = await app.MailgateAsync(Sent(NagiosNotification.Host("RECOVERY", "UP", "PING OK - Packet loss = 0%, RTA = 0.52 ms")));
        Assert.True(exit == 0, said);

        var ticket = Assert.Single(await app.TicketsAsync());
        Assert.Equal("resolved", ticket.Status);
        Assert.StartsWith("[nagios] Host core-sw-fra1 is DOWN", ticket.Subject);
        var alerts = await app.Scenario.DbAsync(db => db.Transactions.AsNoTracking()
            .Where(t => t.TicketId == ticket.Id && t.Type == TransactionType.Alert).Select(t => t.Field).ToListAsync());
        Assert.Equal(2, alerts.Count(f => f == "Repeat"));
        Assert.Single(alerts, f => f == "Recovery");
        var episode = await app.Scenario.DbAsync(db => db.Set<AlertEpisode>().AsNoTracking().SingleAsync());
        Assert.Equal((4, AlertState.Ok, ticket.Id), (episode.Count, episode.State, episode.TicketId));
    }
}
