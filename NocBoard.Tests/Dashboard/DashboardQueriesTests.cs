using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Dashboard;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tickets.Reminders;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Dashboard;

public class DashboardQueriesTests
{
    [Fact]
    public async Task Portlets_Show_Only_What_The_User_May_See()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var outages = await s.QueueAsync("Outages");
        var secret = await s.QueueAsync("Security");
        var agent = await s.UserAsync("erin");
        await s.GrantAllAsync(agent, outages, Right.SeeQueue, Right.ShowTicket, Right.OwnTicket, Right.TakeTicket);

        // Created low first, so that the order shown can only come from the priority.
        var low = await s.TicketAsync("Mine, low", queueId: outages);
        await s.ApplyAsync(root, low, new SetField(TicketField.Priority, "10"), new SetOwner(agent.Id));
        var mine = await s.TicketAsync("Mine, high", queueId: outages);
        await s.ApplyAsync(root, mine, new SetField(TicketField.Priority, "90"), new SetOwner(agent.Id));
        var unowned = await s.TicketAsync("Unowned outage", queueId: outages);
        await s.TicketAsync("Hidden incident", queueId: secret);
        var resolved = await s.TicketAsync("Done", queueId: outages);
        await s.ApplyAsync(root, resolved, new SetOwner(agent.Id), new SetStatus("resolved"));

        await s.InScopeAsync(async sp =>
        {
            var q = sp.GetRequiredService<DashboardQueries>();
            Assert.Equal([mine, low], (await q.HighestPriorityOwnedAsync(agent)).Select(r => r.Id));
            Assert.Equal([unowned], (await q.NewestUnownedAsync(agent)).Select(r => r.Id));

            var counts = await q.QueueStatusCountsAsync(agent);
            var row = Assert.Single(counts); // Security and General are not seen by erin: not even as a zero
            Assert.Equal("Outages", row.Queue);
            Assert.Equal([("new", 3), ("open", 0), ("stalled", 0)], row.Statuses.Select(c => (c.Status, c.Count)));

            Assert.DoesNotContain(await q.RecentActivityAsync(agent), a => a.Subject == "Hidden incident");
            Assert.Contains(await q.RecentActivityAsync(root), a => a.Subject == "Hidden incident");
        });
    }

    [Fact]
    public async Task Recent_Activity_Leaves_Out_Alert_Repeats_And_Scrip_Failures()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync("core-sw-fra1 is DOWN");
        await s.DbAsync(async db =>
        {
            foreach (var type in new[] { TransactionType.Alert, TransactionType.ScripError })
                db.Transactions.Add(new TicketTransaction
                {
                    TicketId = id, Type = type, Field = "Repeat", NewValue = $"{type} row", ActorId = root.Id, Created = DateTimeOffset.UtcNow,
                });
            return await db.SaveChangesAsync();
        });

        var activity = await s.InScopeAsync(sp => sp.GetRequiredService<DashboardQueries>().RecentActivityAsync(root));
        Assert.Contains(activity, a => a.TicketId == id && a.Type == TransactionType.Create);
        Assert.DoesNotContain(activity, a => a.Type is TransactionType.Alert or TransactionType.ScripError);
    }

    [Fact]
    public async Task Due_Soon_Lists_Overdue_First_And_My_Reminders_Are_Mine()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var now = DateTimeOffset.UtcNow;
        var overdue = await s.TicketAsync("Overdue");
        await s.ApplyAsync(root, overdue, new SetField(TicketField.Due, now.AddHours(-2).ToString("o")));
        var soon = await s.TicketAsync("Soon");
        await s.ApplyAsync(root, soon, new SetField(TicketField.Due, now.AddHours(3).ToString("o")));
        var later = await s.TicketAsync("Later");
        await s.ApplyAsync(root, later, new SetField(TicketField.Due, now.AddDays(5).ToString("o")));
        await s.ApplyAsync(root, soon, new AddReminder("Call carrier", now.AddHours(1)));
        var other = await s.UserAsync("frank");
        await s.GrantAllAsync(other, null, Right.ShowTicket, Right.ModifyTicket);
        await s.ApplyAsync(other, later, new AddReminder("Not root's", null));

        await s.InScopeAsync(async sp =>
        {
            var q = sp.GetRequiredService<DashboardQueries>();
            Assert.Equal([overdue, soon], (await q.DueSoonAsync(root, TimeSpan.FromDays(1))).Select(r => r.Id));
            Assert.Equal(["Call carrier"], (await q.MyRemindersAsync(root)).Select(r => r.Subject));
        });
    }

    [Fact]
    public async Task A_Saved_Search_Backs_A_Portlet_In_Its_Own_Order_With_Owners()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var a = await s.TicketAsync("Router A");
        var b = await s.TicketAsync("Router B");
        await s.TicketAsync("Switch C");
        await s.ApplyAsync(root, a, new SetOwner(root.Id));
        await s.InScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<NocBoard.Search.Saved.SavedSearches>().SaveAsync(
                "Routers", "Subject LIKE 'Router'", "id DESC", [], NocBoard.Search.Saved.SavedSearchScope.Personal, null, root);
            var rows = await sp.GetRequiredService<DashboardQueries>().SavedSearchAsync(saved, root);
            Assert.Equal([(b, (string?)null), (a, "root")], rows.Select(r => (r.Id, r.Owner)));

            var layout = sp.GetRequiredService<DashboardLayout>();
            await layout.SaveAsync(root, [Portlet.ForSavedSearch(saved.Id), Portlet.NewestUnowned]);
            Assert.Equal([Portlet.ForSavedSearch(saved.Id), Portlet.NewestUnowned], await layout.ShownAsync(root));
        });
    }

    [Fact]
    public async Task The_Chosen_Portlets_Are_Saved_Per_User_In_Order()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var other = await s.UserAsync("gina");
        await s.InScopeAsync(async sp =>
        {
            var layout = sp.GetRequiredService<DashboardLayout>();
            Assert.Equal(Portlet.All.Select(p => p.Id), await layout.ShownAsync(root));
            await layout.SaveAsync(root, [Portlet.RecentActivity, Portlet.NewestUnowned, "no-such-portlet"]);
        });
        await s.InScopeAsync(async sp =>
        {
            var layout = sp.GetRequiredService<DashboardLayout>();
            Assert.Equal([Portlet.RecentActivity, Portlet.NewestUnowned], await layout.ShownAsync(root));
            Assert.Equal(Portlet.All.Count, (await layout.ShownAsync(other)).Count);
        });
    }
}
