using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Preferences;
using NocBoard.Accounts.Rights;
using NocBoard.Automation.Digests;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tickets.Reminders;

namespace NocBoard.Tests.Automation.Digests;

public class DigestTests
{
    private static Task AdminCcOfQueueAsync(Scenario scenario, int queue, int userId) => scenario.DbAsync(async db =>
    {
        db.QueueWatchers.Add(new QueueWatcher { QueueId = queue, Role = WatcherRole.AdminCc, UserId = userId });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_Untaken_Digest_Lists_A_Queues_Unowned_Tickets_Oldest_First_To_Its_Managers()
    {
        var (scenario, clock) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync();
        var outages = await scenario.QueueAsync("Outages");
        var manager = await scenario.UserAsync("manager", email: "manager@noc.example.net");
        await scenario.GrantAllAsync(manager, outages, Right.ShowTicket, Right.OwnTicket);
        await AdminCcOfQueueAsync(scenario, outages, manager.Id);
        var root = await scenario.RootAsync();

        var oldest = await scenario.TicketAsync("Oldest outage", outages);
        clock.Advance(TimeSpan.FromHours(3));
        var newer = await scenario.TicketAsync("Newer outage", outages);
        var owned = (await scenario.CreateAsync(root, new NewTicket { QueueId = outages, Subject = "Taken", OwnerId = manager.Id })).EnsureSucceeded().Id;
        var resolved = await scenario.TicketAsync("Resolved", outages);
        await scenario.ApplyAsync(root, resolved, new SetStatus("resolved"));
        await scenario.TicketAsync("Elsewhere"); // General has no managers
        clock.Advance(TimeSpan.FromHours(1));

        await scenario.RunJobAsync<UntakenDigestJob>();
        await scenario.RunJobAsync<UntakenDigestJob>(); // once a day

        var mail = Assert.Single(await scenario.MailsAsync());
        Assert.Equal(["manager@noc.example.net"], mail.To());
        Assert.Equal("[NOC] 2 untaken ticket(s) in Outages", mail.Subject);
        var body = mail.TextBody!;
        Assert.True(body.IndexOf($"#{oldest}  Oldest outage", StringComparison.Ordinal) < body.IndexOf($"#{newer}  Newer outage", StringComparison.Ordinal));
        Assert.Contains("waiting 4 hours, priority 0, new", body);
        Assert.Contains($"https://noc.example.net/ticket/{newer}", body);
        Assert.DoesNotContain("Taken", body);
        Assert.DoesNotContain("Resolved", body);
        Assert.DoesNotContain($"#{owned} ", body);
    }

    [Fact]
    public async Task A_Digest_Never_Lists_A_Ticket_Its_Reader_Cannot_See()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "01:00:00", ["Automation:DigestManagersGroup"] = "Duty managers",
        });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync();
        var outages = await scenario.QueueAsync("Outages");
        var secret = await scenario.QueueAsync("Security");
        var sees = await scenario.UserAsync("sees", email: "sees@noc.example.net");
        var blind = await scenario.UserAsync("blind", email: "blind@noc.example.net");
        await scenario.GroupAsync("Duty managers", sees, blind);
        await scenario.GrantAllAsync(sees, null, Right.ShowTicket);
        await scenario.GrantAllAsync(blind, outages, Right.ShowTicket);
        await scenario.TicketAsync("Public outage", outages);
        await scenario.TicketAsync("Intrusion on fw-2", secret);

        await scenario.RunJobAsync<UntakenDigestJob>();

        var mails = await scenario.MailsAsync();
        Assert.Equal(2, mails.Count(m => m.To().Contains("sees@noc.example.net")));
        var blindMail = Assert.Single(mails, m => m.To().Contains("blind@noc.example.net"));
        Assert.Contains("Public outage", blindMail.TextBody);
        Assert.DoesNotContain(mails.Where(m => m.To().Contains("blind@noc.example.net")), m => m.TextBody!.Contains("Intrusion"));
    }

    [Fact]
    public async Task The_Personal_Digest_Lists_Ones_Own_Open_Tickets_Overdue_First_Unless_Turned_Off()
    {
        var (scenario, clock) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync();
        var alice = await scenario.UserAsync("alice", email: "alice@noc.example.net");
        var bob = await scenario.UserAsync("bob", email: "bob@noc.example.net");
        await scenario.GrantAllAsync(alice, null, Right.ShowTicket, Right.OwnTicket);
        await scenario.GrantAllAsync(bob, null, Right.ShowTicket, Right.OwnTicket);
        var root = await scenario.RootAsync();
        var general = await scenario.GeneralQueueIdAsync();
        async Task<int> Own(string subject, int owner, DateTimeOffset? due) =>
            (await scenario.CreateAsync(root, new NewTicket { QueueId = general, Subject = subject, OwnerId = owner, Due = due })).EnsureSucceeded().Id;
        var later = await Own("Due next week", alice.Id, AutomationKit.Start.AddDays(7));
        var overdue = await Own("Was due yesterday", alice.Id, AutomationKit.Start.AddHours(1));
        var resolved = await Own("Finished", alice.Id, null);
        await scenario.ApplyAsync(root, resolved, new SetStatus("resolved"));
        await Own("Bob's", bob.Id, null);
        await scenario.InScopeAsync(sp => sp.GetRequiredService<UserPreferences>().SetAsync(bob, PersonalDigestJob.PreferenceKey, false));
        clock.Advance(TimeSpan.FromDays(1));

        await scenario.RunJobAsync<PersonalDigestJob>();

        var mail = Assert.Single(await scenario.MailsAsync());
        Assert.Equal(["alice@noc.example.net"], mail.To());
        Assert.Equal("[NOC] Your 2 open ticket(s)", mail.Subject);
        var body = mail.TextBody!;
        Assert.True(body.IndexOf($"#{overdue}  Was due yesterday", StringComparison.Ordinal) < body.IndexOf($"#{later}  Due next week", StringComparison.Ordinal));
        Assert.Contains("(OVERDUE)", body);
        Assert.DoesNotContain("Finished", body);
    }

    [Fact]
    public async Task A_Reminder_Whose_Time_Has_Come_Is_Mailed_To_Its_Owner_Once()
    {
        var (scenario, clock) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync();
        var alice = await scenario.UserAsync("alice", email: "alice@noc.example.net");
        await scenario.GrantAllAsync(alice, null, Right.ShowTicket, Right.ModifyTicket);
        var id = await scenario.TicketAsync("Carrier ticket open");
        (await scenario.ApplyAsync(alice, id, new AddReminder("Call the carrier back", AutomationKit.Start.AddHours(2)))).EnsureSucceeded();

        await scenario.RunJobAsync<ReminderJob>();
        Assert.Empty(await scenario.MailsAsync());
        clock.Advance(TimeSpan.FromHours(3));
        await scenario.RunJobAsync<ReminderJob>();
        await scenario.RunJobAsync<ReminderJob>();

        var mail = Assert.Single(await scenario.MailsAsync());
        Assert.Equal(["alice@noc.example.net"], mail.To());
        Assert.Equal($"[NOC #{id}] Reminder: Call the carrier back", mail.Subject);
        Assert.Contains("Due: 2026-11-23 11:00", mail.TextBody);
    }
}
