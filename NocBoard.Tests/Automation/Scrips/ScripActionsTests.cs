using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Automation;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace NocBoard.Tests.Automation.Scrips;

/// <summary>Each action, run by a scrip as the system account after the change that fired it.</summary>
public class ScripActionsTests
{
    private static Scrip On(ScripCondition condition, ScripAction action, string? argument = null, string? template = null,
        string? conditionArgument = null, int order = 1) =>
        new() { Description = $"{condition} {action}", Condition = condition, Action = action, ActionArgument = argument,
                TemplateName = template, ConditionArgument = conditionArgument, SortOrder = order };

    [Fact]
    public async Task Ticket_Actions_Change_The_Ticket_As_The_System_In_Order()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var alice = await scenario.UserAsync("alice", email: "alice@noc.example.net");
        await scenario.GrantAllAsync(alice, null, Right.OwnTicket);
        var maintenance = await scenario.QueueAsync("Maintenance");
        await scenario.OnlyScripsAsync(
            On(ScripCondition.OnCreate, ScripAction.SetPriority, "40", order: 1),
            On(ScripCondition.OnCreate, ScripAction.SetOwner, "alice", order: 2),
            On(ScripCondition.OnCreate, ScripAction.SetStatus, "open", order: 3),
            On(ScripCondition.OnCreate, ScripAction.AddWatcher, "AdminCc: oncall@noc.example.net", order: 4),
            On(ScripCondition.OnCreate, ScripAction.AddComment, null, "Transaction", order: 5),
            On(ScripCondition.OnCreate, ScripAction.SetQueue, "Maintenance", order: 6));
        var id = await scenario.TicketAsync("Planned work on core-1");
        await scenario.SettleAsync();

        Assert.Empty(await scenario.ScripErrorsAsync());
        var ticket = await scenario.LoadTicketAsync(id);
        Assert.Equal(40, ticket.Priority);
        Assert.Equal(alice.Id, ticket.OwnerId);
        Assert.Equal("open", ticket.Status);
        Assert.Equal(maintenance, ticket.QueueId);
        Assert.Contains(ticket.Watchers, w => w.Role == WatcherRole.AdminCc && w.Email == "oncall@noc.example.net");
        var system = await scenario.ActorAsync("system");
        var history = await scenario.TransactionsAsync(id);
        var byScrips = history.Where(t => t.ActorId == system.Id).Select(t => t.Type).ToList();
        Assert.Equal([TransactionType.Set, TransactionType.Give, TransactionType.Status, TransactionType.AddWatcher, TransactionType.Comment, TransactionType.Set], byScrips);
        var comment = history.Single(t => t.Type == TransactionType.Comment);
        Assert.Contains("Request " + id + " was acted upon", System.Text.Encoding.UTF8.GetString(comment.Attachments[0].Content));
    }

    [Fact]
    public async Task Create_Linked_Ticket_Opens_A_Follow_Up_In_Another_Queue_That_Refers_Back()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        await scenario.QueueAsync("Field Service");
        await scenario.DbAsync(async db =>
        {
            db.Templates().Add(new Template { Name = "Dispatch", Subject = "Dispatch for #{{ ticket.id }}: {{ ticket.subject }}", Body = "Go to site for {{ ticket.url }}" });
            return await db.SaveChangesAsync();
        });
        await scenario.OnlyScripsAsync(On(ScripCondition.OnStatusChange, ScripAction.CreateLinkedTicket, "Field Service; DependedOnBy", "Dispatch", "->stalled"));
        var id = await scenario.TicketAsync("Fibre cut at POP-3");
        await scenario.ApplyAsync(await scenario.RootAsync(), id, new SetStatus("stalled"));
        await scenario.SettleAsync();

        Assert.Empty(await scenario.ScripErrorsAsync());
        var followUp = await scenario.DbAsync(db => db.Tickets.SingleAsync(t => t.Id != id));
        Assert.Equal($"Dispatch for #{id}: Fibre cut at POP-3", followUp.Subject);
        Assert.True(await scenario.DbAsync(db => db.Links.AnyAsync(l => l.Type == LinkType.DependsOn && l.BaseId == id && l.TargetId == followUp.Id)));
    }

    [Fact]
    public async Task Notify_Actions_Mail_Their_Recipients()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var owner = await scenario.UserAsync("owner", email: "owner@noc.example.net");
        await scenario.GrantAllAsync(owner, null, Right.OwnTicket);
        var m1 = await scenario.UserAsync("m1", email: "m1@noc.example.net");
        var m2 = await scenario.UserAsync("m2", email: "m2@noc.example.net");
        await scenario.GroupAsync("Managers", m1, m2);
        await scenario.OnlyScripsAsync(
            On(ScripCondition.OnStatusChange, ScripAction.NotifyOwner, null, "Status Change", "->stalled", 1),
            On(ScripCondition.OnStatusChange, ScripAction.NotifyCcs, null, "Status Change", "->stalled", 2),
            On(ScripCondition.OnStatusChange, ScripAction.NotifyRequestors, null, "Status Change", "->stalled", 3),
            On(ScripCondition.OnStatusChange, ScripAction.NotifyOtherRecipients, "boss@example.net, noc-log@example.net", "Status Change", "->stalled", 4),
            On(ScripCondition.OnStatusChange, ScripAction.NotifyGroup, "Managers", "Status Change", "->stalled", 5),
            On(ScripCondition.OnStatusChange, ScripAction.NotifyAdminCcs, null, "Status Change", "->stalled", 6));
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = await scenario.GeneralQueueIdAsync(), Subject = "Waiting for carrier", OwnerId = owner.Id,
            Requestors = [WatcherRef.Address("customer@example.org")], Cc = [WatcherRef.Address("cc@example.org")],
            AdminCc = [WatcherRef.Address("admincc@example.org")],
        })).EnsureSucceeded().Id;
        (await scenario.ApplyAsync(root, id, new SetStatus("stalled"))).EnsureSucceeded();
        await scenario.SettleAsync();

        Assert.Empty(await scenario.ScripErrorsAsync());
        var mails = await scenario.MailsAsync();
        Assert.Equal(6, mails.Count);
        Assert.Equal(["owner@noc.example.net"], mails[0].To());
        Assert.Equal(["cc@example.org"], mails[1].To());
        Assert.Equal(["customer@example.org"], mails[2].To());
        Assert.Equal(["boss@example.net", "noc-log@example.net"], mails[3].To());
        Assert.Equal(["m1@noc.example.net", "m2@noc.example.net"], mails[4].To().Order());
        Assert.Equal(["admincc@example.org"], mails[5].To());
        Assert.All(mails, m => Assert.Equal($"[NOC #{id}] Status changed to stalled: Waiting for carrier", m.Subject));
        Assert.Contains("changed from new to stalled", mails[0].TextBody);
    }

    [Fact]
    public async Task A_Failing_Scrip_Is_Recorded_For_Admins_And_Does_Not_Stop_The_Others()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        await scenario.OnlyScripsAsync(
            On(ScripCondition.OnCreate, ScripAction.SetStatus, "no-such-status", order: 1),
            On(ScripCondition.OnCreate, ScripAction.SetPriority, "25", order: 2));
        var id = await scenario.TicketAsync("Core switch reboot");
        await scenario.SettleAsync();

        Assert.Equal(25, (await scenario.LoadTicketAsync(id)).Priority);
        var failure = Assert.Single(await scenario.OfTypeAsync(id, TransactionType.ScripError));
        Assert.Contains("'no-such-status' is not a status", failure.NewValue);

        var agent = await scenario.UserAsync("agent");
        await scenario.GrantAllAsync(agent, null, Right.ShowTicket);
        var agentHistory = await scenario.InScopeAsync(sp => sp.GetRequiredService<TicketReader>().HistoryAsync(id, agent));
        Assert.DoesNotContain(agentHistory!, t => t.Type == TransactionType.ScripError);
        var root = await scenario.RootAsync();
        var rootHistory = await scenario.InScopeAsync(sp => sp.GetRequiredService<TicketReader>().HistoryAsync(id, root));
        Assert.Contains(rootHistory!, t => t.Type == TransactionType.ScripError);
    }

    [Fact]
    public async Task Scrips_That_Set_Each_Other_Off_Stop_When_The_Loop_Comes_Round()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        await scenario.OnlyScripsAsync(
            On(ScripCondition.OnStatusChange, ScripAction.SetStatus, "open", conditionArgument: "->stalled"),
            On(ScripCondition.OnStatusChange, ScripAction.SetStatus, "stalled", conditionArgument: "->open"));
        var id = await scenario.TicketAsync("Ping-pong");
        (await scenario.ApplyAsync(await scenario.RootAsync(), id, new SetStatus("stalled"))).EnsureSucceeded();
        await scenario.SettleAsync();

        // stalled (by root) → open (scrip 1) → stalled (scrip 2) → scrip 1 would come round again: stopped.
        var statuses = (await scenario.OfTypeAsync(id, TransactionType.Status)).Select(t => t.NewValue).ToList();
        Assert.Equal(["stalled", "open", "stalled"], statuses);
    }

    [Fact]
    public async Task A_Chain_Of_Different_Scrips_Stops_At_The_Depth_Limit()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Automation:MaxScripDepth"] = "2" });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync(
            On(ScripCondition.OnCreate, ScripAction.SetPriority, "10"),
            On(ScripCondition.OnPriorityChange, ScripAction.SetStatus, "open", conditionArgument: "10"),
            On(ScripCondition.OnStatusChange, ScripAction.SetPriority, "90", conditionArgument: "->open"));
        var id = await scenario.TicketAsync("Chain");
        await scenario.SettleAsync();

        var ticket = await scenario.LoadTicketAsync(id);
        Assert.Equal(10, ticket.Priority);   // depth 1
        Assert.Equal("open", ticket.Status); // depth 2; the third scrip would be depth 3
    }
}
