using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Mail.Inbound;
using NocBoard.Monitoring;
using NocBoard.Monitoring.Mail;
using NocBoard.Tickets;

namespace NocBoard.Tests.Monitoring.Mail;

public class MonitoringMailInterceptorTests
{
    private static Task<bool> DeliverAsync(AlertTestKit kit, MimeMessage message) =>
        kit.Scenario.InScopeAsync(sp =>
        {
            var interceptor = sp.GetServices<IInboundMailInterceptor>().OfType<MonitoringMailInterceptor>().Single();
            return interceptor.TryTakeAsync(new InboundMail(message, "gateway", null, "correspond"), CancellationToken.None);
        });

    [Fact]
    public async Task A_Host_Going_Down_And_Coming_Back_As_Nagios_Reports_It_Is_One_Ticket_Resolved_With_The_Outage()
    {
        await using var kit = await AlertTestKit.StartAsync();
        Assert.True(await DeliverAsync(kit, NagiosNotification.Host("PROBLEM", "DOWN")));
        for (var i = 0; i < 3; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.True(await DeliverAsync(kit, NagiosNotification.Host("PROBLEM", "DOWN")));
        }
        kit.Clock.Advance(TimeSpan.FromMinutes(7));
        Assert.True(await DeliverAsync(kit, NagiosNotification.Host("RECOVERY", "UP", "PING OK - Packet loss = 0%, RTA = 0.52 ms")));

        var ticket = await kit.Scenario.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal("resolved", ticket.Status);
        Assert.StartsWith("[nagios] Host core-sw-fra1 is DOWN", ticket.Subject);
        var history = await kit.TransactionsAsync(ticket.Id);
        Assert.Equal(3, history.Count(t => t.Type == TransactionType.Alert && t.Field == "Repeat"));
        Assert.Equal("37m", history.Single(t => t.Field == "Recovery").NewValue);
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.Equal((5, AlertState.Ok), (episode.Count, episode.State));
    }

    [Fact]
    public async Task Zabbix_Problem_And_Resolved_Mails_Open_And_Resolve_One_Ticket()
    {
        await using var kit = await AlertTestKit.StartAsync();
        Assert.True(await DeliverAsync(kit, ZabbixNotification.Problem60()));
        kit.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await DeliverAsync(kit, ZabbixNotification.Resolved60()));

        var ticket = await kit.Scenario.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal(("resolved", 70), (ticket.Status, ticket.Priority));   // seeded zabbix mapping: High → 70
        Assert.Equal("25m", (await kit.TransactionsAsync(ticket.Id)).Single(t => t.Field == "Recovery").NewValue);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    public async Task A_Zabbix_Updated_Problem_Mail_Comments_On_The_Problems_Ticket_Instead_Of_Opening_One(int version)
    {
        await using var kit = await AlertTestKit.StartAsync();
        var other = await kit.SendAsync(AlertTestKit.Problem(key: "db-ams1/Disk full", source: "zabbix", severity: "High"));
        Assert.True(await DeliverAsync(kit, version == 50 ? ZabbixNotification.Problem50() : ZabbixNotification.Problem60()));
        kit.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await DeliverAsync(kit, version == 50 ? ZabbixNotification.Update50() : ZabbixNotification.Update60()));

        Assert.Equal(2, await kit.TicketCountAsync());
        var episode = (await kit.EpisodesAsync()).Single(e => e.TicketId != other.TicketId);
        Assert.Equal(("db-fra1/" + ZabbixNotification.EventName, 2), (episode.Key, episode.Count));
        var comment = Assert.Single(await kit.TransactionsAsync(episode.TicketId), t => t.Type == TransactionType.Comment);
        var text = System.Text.Encoding.UTF8.GetString(comment.Attachments.Single().Content);
        Assert.Contains("Updated in zabbix: Zabbix Administrator (Admin) acknowledged and commented problem: High CPU", text);
        Assert.Contains("Fibre cut, carrier ticket 4711", text);
        Assert.DoesNotContain(await kit.TransactionsAsync(other.TicketId!.Value), t => t.Type == TransactionType.Comment);
        Assert.Equal("new", (await kit.TicketAsync(episode.TicketId)).Status);
    }

    [Fact]
    public async Task A_Zabbix_Update_For_No_Open_Problem_Opens_Nothing()
    {
        await using var kit = await AlertTestKit.StartAsync();
        Assert.True(await DeliverAsync(kit, ZabbixNotification.Update60()));
        Assert.Equal(0, await kit.TicketCountAsync());

        // Nor does one whose event name only looks like a pattern: '%' and '_' in it are literal.
        await DeliverAsync(kit, ZabbixNotification.Problem60());
        Assert.True(await DeliverAsync(kit, ZabbixNotification.Update60(eventName: "High CPU utilization (over 9__ for 5m)")));
        Assert.Equal(1, await kit.TicketCountAsync());
        Assert.DoesNotContain(await kit.TransactionsAsync((await kit.EpisodesAsync()).Single().TicketId), t => t.Type == TransactionType.Comment);
    }

    [Fact]
    public async Task A_Service_Acknowledgement_Mail_Comments_On_The_Ticket()
    {
        await using var kit = await AlertTestKit.StartAsync();
        await DeliverAsync(kit, NagiosNotification.Service("PROBLEM"));
        await DeliverAsync(kit, NagiosNotification.Service("ACKNOWLEDGEMENT"));

        var ticket = await kit.Scenario.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Single(await kit.TransactionsAsync(ticket.Id), t => t.Type == TransactionType.Comment);
        Assert.True(Assert.Single(await kit.EpisodesAsync()).Acknowledged);
    }

    [Fact]
    public async Task Ordinary_Mail_Is_Left_To_The_Mail_Pipeline()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var mail = new MimeMessage { Subject = "Our VPN is slow", Body = new TextPart("plain") { Text = "since this morning" } };
        Assert.False(await DeliverAsync(kit, mail));
        Assert.Equal(0, await kit.TicketCountAsync());
    }

    [Fact]
    public async Task An_Alert_Mail_That_Cannot_Be_Read_Is_Taken_And_Kept_For_Administrators_With_The_Reason()
    {
        await using var kit = await AlertTestKit.StartAsync();
        Assert.True(await DeliverAsync(kit, NagiosNotification.Host("CUSTOM")));

        Assert.Equal(0, await kit.TicketCountAsync());
        var rejected = await kit.Scenario.DbAsync(db => db.Set<RejectedAlert>().AsNoTracking().SingleAsync());
        Assert.Equal(("mail (gateway)", "nagios"), (rejected.Via, rejected.Source));
        Assert.Contains("'CUSTOM' is not in its state map", rejected.Reason);
        Assert.Contains("** CUSTOM Host Alert: core-sw-fra1 is DOWN **", rejected.Payload);
    }
}
