using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.CustomFields;
using NocBoard.Monitoring;
using NocBoard.Tickets;
using static NocBoard.Tests.Monitoring.AlertTestKit;

namespace NocBoard.Tests.Monitoring;

public class AlertIntakeTests
{
    [Fact]
    public async Task A_New_Problem_Opens_One_Ticket_And_Repeats_Append_To_It_With_Their_Own_Transaction_Type()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var first = await kit.SendAsync(Problem());
        for (var i = 0; i < 4; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(5));
            var repeat = await kit.SendAsync(Problem());
            Assert.Equal(("repeat", first.TicketId), (repeat.Action, repeat.TicketId));
        }

        Assert.Equal("created", first.Action);
        Assert.Equal(1, await kit.TicketCountAsync());
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.Equal((5, AlertState.Problem), (episode.Count, episode.State));
        Assert.Equal(kit.Clock.GetUtcNow(), episode.LastSeen);
        Assert.Equal(kit.Clock.GetUtcNow().AddMinutes(-20), episode.FirstSeen);

        var history = await kit.TransactionsAsync(first.TicketId!.Value);
        var repeats = history.Where(t => t.Type == TransactionType.Alert && t.Field == "Repeat").ToList();
        Assert.Equal(["2", "3", "4", "5"], repeats.Select(t => t.NewValue));
        Assert.DoesNotContain(history, t => t.Type is TransactionType.Correspond or TransactionType.Comment);
        var ticket = await kit.TicketAsync(first.TicketId.Value);
        Assert.Equal("[nagios] PING CRITICAL - Packet loss = 100%", ticket.Subject);
        Assert.Equal(80, ticket.Priority);   // the seeded nagios mapping: DOWN → 80
    }

    [Fact]
    public async Task Recovery_Resolves_The_Ticket_And_Records_The_Outage_Duration()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var opened = await kit.SendAsync(Problem());
        kit.Clock.Advance(new TimeSpan(1, 12, 30));
        var recovered = await kit.SendAsync(Ok());

        Assert.Equal(("resolved", opened.TicketId), (recovered.Action, recovered.TicketId));
        var ticket = await kit.TicketAsync(opened.TicketId!.Value);
        Assert.Equal("resolved", ticket.Status);
        var recovery = Assert.Single(await kit.TransactionsAsync(ticket.Id), t => t.Type == TransactionType.Alert && t.Field == "Recovery");
        Assert.Equal("1h 12m 30s", recovery.NewValue);
        Assert.Contains("Outage: 1h 12m 30s", System.Text.Encoding.UTF8.GetString(recovery.Attachments.Single().Content));
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.Equal((AlertState.Ok, new TimeSpan(1, 12, 30)), (episode.State, episode.LastOutage));
    }

    [Fact]
    public async Task A_Source_Set_To_Comment_Records_The_Recovery_And_Leaves_The_Ticket_For_A_Person()
    {
        await using var kit = await AlertTestKit.StartAsync();
        await kit.UpdateSourceAsync("nagios", s => s.OnRecovery = RecoveryAction.Comment);
        var opened = await kit.SendAsync(Problem());
        kit.Clock.Advance(TimeSpan.FromMinutes(3));
        var recovered = await kit.SendAsync(Ok());

        Assert.Equal("recovered", recovered.Action);
        var ticket = await kit.TicketAsync(opened.TicketId!.Value);
        Assert.Equal("new", ticket.Status);
        var comment = Assert.Single(await kit.TransactionsAsync(ticket.Id), t => t.Type == TransactionType.Comment);
        Assert.Contains("Outage: 3m", System.Text.Encoding.UTF8.GetString(comment.Attachments.Single().Content));
        Assert.Contains("Left open for a person", System.Text.Encoding.UTF8.GetString(comment.Attachments.Single().Content));
    }

    [Fact]
    public async Task A_Problem_Returning_Within_The_Reopen_Window_Reopens_The_Same_Ticket()
    {
        await using var kit = await AlertTestKit.StartAsync();
        await kit.UpdateSourceAsync("nagios", s => s.ReopenWindowMinutes = 30);
        var opened = await kit.SendAsync(Problem());
        kit.Clock.Advance(TimeSpan.FromMinutes(10));
        await kit.SendAsync(Ok());
        kit.Clock.Advance(TimeSpan.FromMinutes(29));
        var back = await kit.SendAsync(Problem());

        Assert.Equal(("reopened", opened.TicketId), (back.Action, back.TicketId));
        Assert.Equal(1, await kit.TicketCountAsync());
        Assert.Equal("open", (await kit.TicketAsync(opened.TicketId!.Value)).Status);
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.Equal((AlertState.Problem, 3, kit.Clock.GetUtcNow()), (episode.State, episode.Count, episode.ProblemSince));
    }

    [Fact]
    public async Task A_Problem_Returning_After_The_Reopen_Window_Opens_A_New_Ticket_That_Refers_To_The_Old_One()
    {
        await using var kit = await AlertTestKit.StartAsync();
        await kit.UpdateSourceAsync("nagios", s => s.ReopenWindowMinutes = 30);
        var first = await kit.SendAsync(Problem());
        await kit.SendAsync(Ok());
        kit.Clock.Advance(TimeSpan.FromMinutes(31));
        var second = await kit.SendAsync(Problem());

        Assert.Equal("created-referring", second.Action);
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Equal("resolved", (await kit.TicketAsync(first.TicketId!.Value)).Status);
        var link = await kit.Scenario.DbAsync(db => db.Links.AsNoTracking().SingleAsync());
        Assert.Equal((LinkType.RefersTo, second.TicketId!.Value, (int?)first.TicketId), (link.Type, link.BaseId, link.TargetId));
        var episodes = await kit.EpisodesAsync();
        Assert.Equal(2, episodes.Count);
        Assert.Null(episodes[0].CurrentKey);
        Assert.NotNull(episodes[1].CurrentKey);

        var repeat = await kit.SendAsync(Problem());
        Assert.Equal(("repeat", second.TicketId), (repeat.Action, repeat.TicketId));
    }

    [Fact]
    public async Task Flapping_Does_Not_Move_The_Status_And_Ends_With_A_Recovery_When_It_Stops_In_Ok()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var opened = await kit.SendAsync(Problem());
        await kit.SendAsync(Of(AlertState.FlappingStart));
        for (var i = 0; i < 6; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            await kit.SendAsync(i % 2 == 0 ? Ok() : Problem());
        }
        var ticketId = opened.TicketId!.Value;
        var history = await kit.TransactionsAsync(ticketId);
        Assert.DoesNotContain(history, t => t.Type is TransactionType.Status or TransactionType.Correspond or TransactionType.Comment);
        Assert.Equal(6, history.Count(t => t.Type == TransactionType.Alert && t.Field == "Flap"));
        Assert.Equal("new", (await kit.TicketAsync(ticketId)).Status);

        var stopped = await kit.SendAsync(Of(AlertState.FlappingStop, severity: "UP"));
        Assert.Equal("resolved", stopped.Action);
        Assert.Equal("resolved", (await kit.TicketAsync(ticketId)).Status);
        Assert.Single(await kit.TransactionsAsync(ticketId), t => t.Type == TransactionType.Status);
    }

    [Fact]
    public async Task Acknowledgement_Comments_And_Downtime_Is_Recorded_Without_A_Status_Change()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var opened = await kit.SendAsync(Problem());
        var ack = await kit.SendAsync(Of(AlertState.Acknowledgement) with { Summary = "Fibre cut, carrier ticket 4711" });
        await kit.SendAsync(Of(AlertState.DowntimeStart));

        Assert.Equal("acknowledged", ack.Action);
        var history = await kit.TransactionsAsync(opened.TicketId!.Value);
        var comment = Assert.Single(history, t => t.Type == TransactionType.Comment);
        Assert.Contains("Fibre cut, carrier ticket 4711", System.Text.Encoding.UTF8.GetString(comment.Attachments.Single().Content));
        Assert.Single(history, t => t.Type == TransactionType.Alert && t.Field == "DowntimeStart");
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.True(episode.Acknowledged && episode.InDowntime);
    }

    [Fact]
    public async Task A_Recovery_For_A_Key_With_No_Open_Problem_Is_Ignored()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var outcome = await kit.SendAsync(Ok("never-seen"));
        Assert.Equal(("ignored", (int?)null), (outcome.Action, outcome.TicketId));
        Assert.Equal(0, await kit.TicketCountAsync());
    }

    [Fact]
    public async Task Mappings_Set_Queue_Priority_Owner_And_Custom_Fields_From_Severity_And_Labels()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var core = await kit.Scenario.QueueAsync("Core network");
        var agent = await kit.Scenario.UserAsync("nina");
        await kit.Scenario.GrantAsync(NocBoard.Accounts.Rights.Right.OwnTicket, core, user: agent);
        var device = await kit.Scenario.CustomFieldAsync("Device", CustomFieldType.Text);
        var site = await kit.Scenario.CustomFieldAsync("Site", CustomFieldType.Text);
        await kit.UpdateSourceAsync("alertmanager", s => s.Mappings.AddRange(
        [
            new AlertMapping { Order = 0, Field = "severity", Pattern = "critical", Target = MappingTarget.Priority, Value = "95" },
            new AlertMapping { Order = 1, Field = "label.hostgroup", Pattern = "core-.*", Target = MappingTarget.Queue, Value = "Core network" },
            new AlertMapping { Order = 2, Field = "label.hostgroup", Pattern = "core-.*", Target = MappingTarget.Owner, Value = "nina" },
            new AlertMapping { Order = 3, Field = "host", Pattern = "", Target = MappingTarget.CustomField, CustomFieldName = "Device", Value = "{host}" },
            new AlertMapping { Order = 4, Field = "label.site", Pattern = "", Target = MappingTarget.CustomField, CustomFieldName = "Site", Value = "{label.site}" },
        ]));

        var outcome = await kit.SendAsync(new Alert
        {
            Source = "alertmanager", Key = "a1b2c3", State = AlertState.Problem, Severity = "critical", Summary = "Interface down",
            Host = "core-rtr-fra1:9100", Service = "InterfaceDown",
            Labels = new Dictionary<string, string> { ["hostgroup"] = "core-routers", ["site"] = "FRA1" },
        });

        var ticket = await kit.TicketAsync(outcome.TicketId!.Value);
        Assert.Equal((core, 95, (int?)agent.Id), (ticket.QueueId, ticket.Priority, ticket.OwnerId));
        Assert.Equal("core-rtr-fra1:9100", ticket.CustomFieldValues.Single(v => v.CustomFieldId == device).Value);
        Assert.Equal("FRA1", ticket.CustomFieldValues.Single(v => v.CustomFieldId == site).Value);
    }

    [Fact]
    public async Task Many_Alerts_For_One_Key_At_Once_Make_Exactly_One_Ticket()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var source = await kit.SourceAsync("nagios");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            kit.Scenario.InScopeAsync(sp => sp.GetRequiredService<AlertIntake>().ApplyAsync(source, Problem())))));

        Assert.Equal(1, await kit.TicketCountAsync());
        Assert.Single(outcomes, o => o.Action == "created");
        Assert.Equal(39, outcomes.Count(o => o.Action == "repeat"));
        Assert.Equal(40, Assert.Single(await kit.EpisodesAsync()).Count);
    }

    [Fact]
    public async Task The_Card_Badge_Follows_The_Alert()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var badges = kit.Scenario.Services.GetRequiredService<AlertBadges>();
        var opened = await kit.SendAsync(Problem());
        var seen = new List<AlertBadge>();
        using (badges.WatchAll((ticket, badge) => { if (ticket == opened.TicketId) seen.Add(badge); }))
        {
            await kit.SendAsync(Problem());
            await kit.SendAsync(Ok());
        }
        Assert.Equal([(AlertState.Problem, 2), (AlertState.Ok, 3)], seen.Select(b => (b.State, b.Count)));
        Assert.Equal(("nagios", "core-sw-fra1"), (badges.For(opened.TicketId!.Value)!.Source, badges.For(opened.TicketId!.Value)!.Key));
    }
}
