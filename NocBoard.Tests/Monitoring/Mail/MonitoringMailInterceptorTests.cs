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
