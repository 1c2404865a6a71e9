using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Automation;
using NocBoard.Automation.Scrips;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Automation.Scrips;

/// <summary>RT's default scrips, end to end: a change, the outbox rows, the mail read back from them.</summary>
public class DefaultScripsTests
{
    private static async Task<(Scenario, int Queue)> ArrangeAsync()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        var queue = await scenario.QueueAsync("Outages");
        await scenario.DbAsync(async db =>
        {
            var q = await db.Queues.SingleAsync(x => x.Id == queue);
            q.CorrespondAddress = "outages@noc.example.net";
            q.CommentAddress = "outages-comment@noc.example.net";
            return await db.SaveChangesAsync();
        });
        var manager = await scenario.UserAsync("manager", email: "manager@noc.example.net");
        await scenario.DbAsync(async db =>
        {
            db.QueueWatchers.Add(new QueueWatcher { QueueId = queue, Role = WatcherRole.AdminCc, UserId = manager.Id });
            return await db.SaveChangesAsync();
        });
        return (scenario, queue);
    }

    [Fact]
    public async Task The_Defaults_Are_Seeded_As_Data()
    {
        var (scenario, _) = await ArrangeAsync();
        await using var _s = scenario;
        var scrips = await scenario.DbAsync(db => db.Scrips().OrderBy(s => s.SortOrder).Select(s => s.Description).ToListAsync());
        Assert.Equal(
        [
            "On Create Autoreply To Requestors", "On Create Notify AdminCcs", "On Correspond Notify Requestors and Ccs",
            "On Correspond Notify Owner and AdminCcs", "On Comment Notify AdminCcs as Comment", "On Resolve Notify Requestors",
        ], scrips);
    }

    [Fact]
    public async Task Creating_A_Ticket_Autoreplies_To_The_Requestor_And_Tells_The_AdminCcs()
    {
        var (scenario, queue) = await ArrangeAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = queue, Subject = "BGP session down at FRA-2",
            Requestors = [WatcherRef.Address("customer@example.org")],
            Content = new TicketMessage("Our BGP session with you dropped at 09:00."),
        })).EnsureSucceeded().Id;
        await scenario.SettleAsync();

        Assert.Empty(await scenario.ScripErrorsAsync());
        var mails = await scenario.MailsAsync();
        Assert.Equal(2, mails.Count);
        var autoreply = mails.Single(m => m.To().Contains("customer@example.org"));
        Assert.Equal($"[NOC #{id}] AutoReply: BGP session down at FRA-2", autoreply.Subject);
        Assert.Equal("outages@noc.example.net", autoreply.From.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", autoreply.Headers["Auto-Submitted"]);
        Assert.Contains($"[NOC #{id}]", autoreply.TextBody);
        Assert.Contains("Our BGP session with you dropped at 09:00.", autoreply.TextBody);
        Assert.False(string.IsNullOrEmpty(autoreply.MessageId));

        var notice = mails.Single(m => m.To().Contains("manager@noc.example.net"));
        Assert.Equal($"[NOC #{id}] BGP session down at FRA-2", notice.Subject);
        Assert.Contains("Queue: Outages", notice.TextBody);
        Assert.Contains($"https://noc.example.net/ticket/{id}", notice.TextBody);
        Assert.Contains("Requestors: customer@example.org", notice.TextBody);
    }

    [Fact]
    public async Task A_Reply_Goes_To_Requestors_And_Ccs_And_To_The_Owner_And_AdminCcs_But_Not_To_Its_Writer()
    {
        var (scenario, queue) = await ArrangeAsync();
        await using var _s = scenario;
        var agent = await scenario.UserAsync("agent", email: "agent@noc.example.net");
        await scenario.GrantAllAsync(agent, null, Right.ShowTicket, Right.ReplyToTicket, Right.OwnTicket, Right.ModifyTicket, Right.CommentOnTicket);
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = queue, Subject = "Packet loss", OwnerId = agent.Id,
            Requestors = [WatcherRef.Address("customer@example.org")], Cc = [WatcherRef.Address("noc@partner.example")],
        })).EnsureSucceeded().Id;
        await scenario.SettleAsync();
        var before = (await scenario.MailsAsync()).Count;

        (await scenario.ApplyAsync(agent, id, new Correspond(new TicketMessage("We are rerouting traffic.")))).EnsureSucceeded();
        await scenario.SettleAsync();

        var mails = (await scenario.MailsAsync()).Skip(before).ToList();
        Assert.Equal(2, mails.Count);
        var toCustomer = mails.Single(m => m.To().Contains("customer@example.org"));
        Assert.Equal(["customer@example.org", "noc@partner.example"], toCustomer.To().Order());
        Assert.Equal("We are rerouting traffic.", toCustomer.TextBody?.Trim());
        var toStaff = mails.Single(m => m.To().Contains("manager@noc.example.net"));
        Assert.DoesNotContain("agent@noc.example.net", toStaff.To()); // the writer (and owner) is the actor
        Assert.Contains($"<URL: https://noc.example.net/ticket/{id} >", toStaff.TextBody);
    }

    [Fact]
    public async Task A_Comment_Goes_To_AdminCcs_From_The_Comment_Address_And_Never_To_Requestors()
    {
        var (scenario, queue) = await ArrangeAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = queue, Subject = "Fibre cut", Requestors = [WatcherRef.Address("customer@example.org")],
        })).EnsureSucceeded().Id;
        await scenario.SettleAsync();
        var before = (await scenario.MailsAsync()).Count;

        (await scenario.ApplyAsync(root, id, new Comment(new TicketMessage("Carrier says 4 hours.")))).EnsureSucceeded();
        await scenario.SettleAsync();

        var mail = Assert.Single((await scenario.MailsAsync()).Skip(before));
        Assert.Equal(["manager@noc.example.net"], mail.To());
        Assert.Equal($"[NOC #{id}] [Comment] Fibre cut", mail.Subject);
        Assert.Equal("outages-comment@noc.example.net", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Carrier says 4 hours.", mail.TextBody);
    }

    [Fact]
    public async Task Resolving_Tells_The_Requestors()
    {
        var (scenario, queue) = await ArrangeAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = queue, Subject = "Slow DNS", Requestors = [WatcherRef.Address("customer@example.org")],
        })).EnsureSucceeded().Id;
        await scenario.SettleAsync();
        var before = (await scenario.MailsAsync()).Count;

        (await scenario.ApplyAsync(root, id, new SetStatus("resolved"))).EnsureSucceeded();
        await scenario.SettleAsync();

        var mail = Assert.Single((await scenario.MailsAsync()).Skip(before));
        Assert.Equal(["customer@example.org"], mail.To());
        Assert.Equal($"[NOC #{id}] Resolved: Slow DNS", mail.Subject);
        Assert.Contains("your request has been resolved", mail.TextBody);
    }

    [Fact]
    public async Task Running_The_Same_Scrip_Work_Again_Sends_Nothing_Twice()
    {
        var (scenario, queue) = await ArrangeAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        await scenario.CreateAsync(root, new NewTicket { QueueId = queue, Subject = "Flapping port", Requestors = [WatcherRef.Address("customer@example.org")] });
        await scenario.SettleAsync();
        var mails = (await scenario.MailsAsync()).Count;

        var work = await scenario.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == ScripContributor.Kind));
        var runner = scenario.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == ScripContributor.Kind);
        await runner.HandleAsync(work, CancellationToken.None);
        await runner.HandleAsync(work, CancellationToken.None);

        Assert.Equal(mails, (await scenario.MailsAsync()).Count);
        Assert.Equal(2, await scenario.DbAsync(db => db.ScripRuns().CountAsync()));
    }

    [Fact]
    public async Task The_Actor_Gets_Their_Own_Notification_When_NotifyActor_Is_On()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "01:00:00", ["Automation:NotifyActor"] = "true",
        });
        await using var _s = scenario;
        var agent = await scenario.UserAsync("agent", email: "agent@noc.example.net");
        await scenario.GrantAllAsync(agent, null, Right.ShowTicket, Right.CreateTicket, Right.WatchAsAdminCc);
        var id = (await scenario.CreateAsync(agent, new NewTicket
        {
            QueueId = await scenario.GeneralQueueIdAsync(), Subject = "Self-watched", AdminCc = [WatcherRef.User(agent.Id)],
        })).EnsureSucceeded().Id;
        await scenario.SettleAsync();
        Assert.Contains(await scenario.MailsAsync(), m => m.To().Contains("agent@noc.example.net") && m.Subject == $"[NOC #{id}] Self-watched");
    }
}
