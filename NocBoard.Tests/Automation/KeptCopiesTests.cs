using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Automation;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Mail.Rules;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Automation;

/// <summary>
/// Templates, scrips, queues and mail rules are kept in memory between messages: the same copy
/// while nothing changed, and a fresh one from the very next read after a commit changes them.
/// </summary>
public class KeptCopiesTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();

    public async Task DisposeAsync() => await s.DisposeAsync();

    private Task<T> WithAsync<T, TCache>(Func<TCache, NocDbContext, Task<T>> read) where TCache : notnull =>
        s.InScopeAsync(sp => read(sp.GetRequiredService<TCache>(), sp.GetRequiredService<NocDbContext>()));

    [Fact]
    public async Task A_Template_Edit_Is_Seen_By_The_Next_Notification()
    {
        var first = await s.InScopeAsync(sp => sp.GetRequiredService<TemplateDirectory>().FindAsync(AutomationSeed.TransactionTemplate, null, default));
        var again = await s.InScopeAsync(sp => sp.GetRequiredService<TemplateDirectory>().FindAsync(AutomationSeed.TransactionTemplate, null, default));
        Assert.Same(first, again);

        await s.DbAsync(db => db.Templates().Where(t => t.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Body, "Edited body")));
        var edited = await s.InScopeAsync(sp => sp.GetRequiredService<TemplateDirectory>().FindAsync(AutomationSeed.TransactionTemplate, null, default));
        Assert.Equal("Edited body", edited.Body);

        // A queue's own template, added later, wins over the global one at once.
        var queueId = await s.GeneralQueueIdAsync();
        await s.DbAsync(async db =>
        {
            db.Templates().Add(new Template { Name = AutomationSeed.TransactionTemplate, QueueId = queueId, Subject = "own", Body = "Queue's own" });
            return await db.SaveChangesAsync();
        });
        var own = await s.InScopeAsync(sp => sp.GetRequiredService<TemplateDirectory>().FindAsync(AutomationSeed.TransactionTemplate, queueId, default));
        Assert.Equal("Queue's own", own.Body);
    }

    [Fact]
    public async Task A_Disabled_Scrip_Is_No_Longer_Run()
    {
        var enabled = await WithAsync<IReadOnlyList<Scrip>, ScripTriggers>((t, db) => t.EnabledAsync(db, default));
        Assert.NotEmpty(enabled);
        Assert.Same(enabled, await WithAsync<IReadOnlyList<Scrip>, ScripTriggers>((t, db) => t.EnabledAsync(db, default)));

        var victim = enabled[0].Id;
        await s.DbAsync(db => db.Scrips().Where(x => x.Id == victim).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true)));
        var now = await WithAsync<IReadOnlyList<Scrip>, ScripTriggers>((t, db) => t.EnabledAsync(db, default));
        Assert.DoesNotContain(now, x => x.Id == victim);
        Assert.Equal(enabled.Count - 1, now.Count);
    }

    [Fact]
    public async Task A_Renamed_Or_New_Queue_Is_Seen_At_Once()
    {
        var id = await s.GeneralQueueIdAsync();
        var general = await WithAsync<Queue?, QueueCatalog>((c, db) => c.ByIdAsync(db, id, default));
        Assert.Equal(Queue.DefaultName, general!.Name);
        Assert.NotNull(general.Lifecycle);
        Assert.Same(general, await WithAsync<Queue?, QueueCatalog>((c, db) => c.ByIdAsync(db, id, default)));

        await s.DbAsync(db => db.Queues.Where(q => q.Id == id).ExecuteUpdateAsync(u => u.SetProperty(q => q.CorrespondAddress, "general@noc.example")));
        Assert.Equal("general@noc.example", (await WithAsync<Queue?, QueueCatalog>((c, db) => c.ByIdAsync(db, id, default)))!.CorrespondAddress);

        var added = await s.QueueAsync("Backbone");
        Assert.Equal("Backbone", (await WithAsync<Queue?, QueueCatalog>((c, db) => c.ByIdAsync(db, added, default)))!.Name);
    }

    [Fact]
    public async Task A_New_Or_Disabled_Mail_Rule_Counts_For_The_Next_Message()
    {
        var before = (await WithAsync<IReadOnlyList<MailRule>, MailRuleCatalog>((c, db) => c.EnabledAsync(db, default))).Count;
        await s.DbAsync(async db =>
        {
            db.Set<MailRule>().Add(new MailRule { Name = "Spam", Position = 1, Field = MailRuleField.Subject, Pattern = "viagra", Action = MailRuleAction.Drop });
            return await db.SaveChangesAsync();
        });
        var rules = await WithAsync<IReadOnlyList<MailRule>, MailRuleCatalog>((c, db) => c.EnabledAsync(db, default));
        Assert.Equal(before + 1, rules.Count);
        Assert.Contains(rules, r => r.Name == "Spam");

        await s.DbAsync(db => db.Set<MailRule>().Where(r => r.Name == "Spam").ExecuteUpdateAsync(u => u.SetProperty(r => r.Enabled, false)));
        rules = await WithAsync<IReadOnlyList<MailRule>, MailRuleCatalog>((c, db) => c.EnabledAsync(db, default));
        Assert.Equal(before, rules.Count);
        Assert.DoesNotContain(rules, r => r.Name == "Spam");
    }

    [Fact]
    public async Task A_Queue_Watcher_Added_Later_Is_Notified()
    {
        var queueId = await s.GeneralQueueIdAsync();
        var ticketId = await s.TicketAsync(queueId: queueId);
        var ticket = await s.LoadTicketAsync(ticketId);
        Task<List<string>> AdminCcsAsync() => s.InScopeAsync(sp => sp.GetRequiredService<Recipients>().OfRoleAsync(ticket, WatcherRole.AdminCc, default));

        Assert.Empty(await AdminCcsAsync());
        await s.DbAsync(async db =>
        {
            db.QueueWatchers.Add(new QueueWatcher { QueueId = queueId, Role = WatcherRole.AdminCc, Email = "noc-leads@example.net" });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["noc-leads@example.net"], await AdminCcsAsync());

        await s.DbAsync(db => db.QueueWatchers.ExecuteDeleteAsync());
        Assert.Empty(await AdminCcsAsync());
    }
}
