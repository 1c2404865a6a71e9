using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Automation;
using NocBoard.Automation.Admin;
using NocBoard.Automation.Scrips;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Automation.Admin;

public class AutomationAdminTests
{
    [Fact]
    public async Task An_Admin_Adds_When_Stalled_Notify_The_AdminCcs_And_It_Works()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        var outages = await scenario.QueueAsync("Outages");
        var admin = await scenario.UserAsync("queueadmin");
        await scenario.GrantAllAsync(admin, outages, Right.AdminQueue);
        var manager = await scenario.UserAsync("manager", email: "manager@noc.example.net");
        await scenario.DbAsync(async db =>
        {
            db.QueueWatchers.Add(new QueueWatcher { QueueId = outages, Role = WatcherRole.AdminCc, UserId = manager.Id });
            return await db.SaveChangesAsync();
        });

        var created = await scenario.InScopeAsync(sp => sp.GetRequiredService<ScripAdmin>().CreateAsync(admin, new ScripForm
        {
            Description = "On Stalled Notify AdminCcs", QueueId = outages, Condition = ScripCondition.OnStatusChange,
            ConditionArgument = "->stalled", Action = ScripAction.NotifyAdminCcs, TemplateName = "Status Change",
        }));
        Assert.True(created.Succeeded, created.Error?.Message);

        var id = await scenario.TicketAsync("Waiting for the carrier", outages);
        await scenario.SettleAsync();
        var before = (await scenario.MailsAsync()).Count;
        (await scenario.ApplyAsync(await scenario.RootAsync(), id, new SetStatus("stalled"))).EnsureSucceeded();
        await scenario.SettleAsync();
        var mail = Assert.Single((await scenario.MailsAsync()).Skip(before));
        Assert.Equal(["manager@noc.example.net"], mail.To());
        Assert.Equal($"[NOC #{id}] Status changed to stalled: Waiting for the carrier", mail.Subject);
    }

    [Fact]
    public async Task Scrips_And_Templates_Are_Checked_And_Rights_Are_Enforced_In_The_Service()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var outages = await scenario.QueueAsync("Outages");
        var admin = await scenario.UserAsync("queueadmin");
        await scenario.GrantAllAsync(admin, outages, Right.AdminQueue);
        var agent = await scenario.UserAsync("agent");
        var scrips = (Func<IServiceProvider, ScripAdmin>)(sp => sp.GetRequiredService<ScripAdmin>());
        var footprint = await scenario.DbAsync(db => db.Scrips().CountAsync());

        var global = await scenario.InScopeAsync(sp => scrips(sp).CreateAsync(admin, new ScripForm { Description = "Global", Action = ScripAction.SetStatus, ActionArgument = "open" }));
        Assert.Equal(AdminErrorKind.Forbidden, global.Error?.Kind);
        Assert.Contains("AdminQueue", global.Error!.Message);

        var badExpression = await scenario.InScopeAsync(sp => scrips(sp).CreateAsync(admin, new ScripForm
        {
            Description = "Bad", QueueId = outages, Condition = ScripCondition.UserDefined, ConditionArgument = "colour = 'red'",
            Action = ScripAction.SetStatus, ActionArgument = "open",
        }));
        Assert.Equal("ConditionArgument", badExpression.Error?.Field);
        Assert.Contains("'colour' is not a known name", badExpression.Error!.Message);

        var noTemplate = await scenario.InScopeAsync(sp => scrips(sp).CreateAsync(admin, new ScripForm
        {
            Description = "Notify", QueueId = outages, Action = ScripAction.NotifyOwner, TemplateName = "Nonexistent",
        }));
        Assert.Equal("TemplateName", noTemplate.Error?.Field);

        var webhook = await scenario.InScopeAsync(sp => scrips(sp).CreateAsync(admin, new ScripForm
        {
            Description = "Hook", QueueId = outages, Action = ScripAction.CallWebhook, ActionArgument = "ftp://x",
        }));
        Assert.Equal("ActionArgument", webhook.Error?.Field);

        var list = await scenario.InScopeAsync(sp => scrips(sp).ListAsync(agent));
        Assert.Equal(AdminErrorKind.Forbidden, list.Error?.Kind);
        Assert.Equal(footprint, await scenario.DbAsync(db => db.Scrips().CountAsync()));

        var template = await scenario.InScopeAsync(sp => sp.GetRequiredService<TemplateAdmin>().CreateAsync(admin, new TemplateForm
        {
            Name = "Outage notice", QueueId = outages, Subject = "{{ ticket.subject }}", Body = "{% if ticket.id %}unclosed",
        }));
        Assert.Equal("Body", template.Error?.Field);
        Assert.StartsWith("The body is not valid Liquid:", template.Error!.Message);
    }

    [Fact]
    public async Task The_Jobs_Page_Lists_Every_Job_And_Runs_One_For_SuperUsers_Only()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var agent = await scenario.UserAsync("agent");
        var jobs = await scenario.InScopeAsync(sp => sp.GetRequiredService<JobsAdmin>().ListAsync(root));
        Assert.True(jobs.Succeeded);
        var ids = jobs.Value!.Select(j => j.Id).ToList();
        Assert.Superset(new HashSet<string> { "priority-escalation", "due-passed", "untaken-digest", "personal-digest", "reminders" }, ids.ToHashSet());
        var digest = jobs.Value!.Single(j => j.Id == "untaken-digest");
        Assert.Equal("0 8 * * *", digest.Schedule);
        Assert.NotNull(digest.NextRun);

        Assert.Equal(AdminErrorKind.Forbidden, (await scenario.InScopeAsync(sp => sp.GetRequiredService<JobsAdmin>().ListAsync(agent))).Error?.Kind);
        Assert.Equal(AdminErrorKind.Forbidden, (await scenario.InScopeAsync(sp => sp.GetRequiredService<JobsAdmin>().RunNowAsync(agent, "reminders"))).Error?.Kind);
        Assert.True((await scenario.InScopeAsync(sp => sp.GetRequiredService<JobsAdmin>().RunNowAsync(root, "reminders"))).Succeeded);

        // The run shows as the job's last run once Hangfire has carried it out.
        JobStatus? reminders = null;
        for (var i = 0; i < 100 && reminders?.LastRun is null; i++)
        {
            await Task.Delay(100);
            reminders = (await scenario.InScopeAsync(sp => sp.GetRequiredService<JobsAdmin>().ListAsync(root))).Value!.Single(j => j.Id == "reminders");
        }
        Assert.NotNull(reminders!.LastRun);
    }

    [Fact]
    public async Task The_Automation_Pages_Render_For_Root_Over_Http()
    {
        await using var s = await Scenario.StartAsync();
        var scrip = await s.DbAsync(db => db.Scrips().Select(x => x.Id).FirstAsync());
        var template = await s.DbAsync(db => db.Templates().Select(x => x.Id).FirstAsync());
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync(SystemUser.RootUserName, NocAppFactory.RootPassword);
        foreach (var page in new[] { "admin/scrips", "admin/scrips/new", $"admin/scrips/{scrip}", "admin/templates", "admin/templates/new", $"admin/templates/{template}", "admin/jobs" })
        {
            var html = await web.GetPageAsync(page);
            Assert.Contains("data-testid=\"admin-title\"", html);
            Assert.False(html.Contains("data-testid=\"admin-refused\""), $"{page} refused root");
        }
        Assert.Contains("On Create Autoreply To Requestors", await web.GetPageAsync("admin/scrips"));
        var jobs = await web.GetPageAsync("admin/jobs");
        Assert.Contains("untaken-digest", jobs);
        Assert.Contains("admin/hangfire", jobs);
    }
}
