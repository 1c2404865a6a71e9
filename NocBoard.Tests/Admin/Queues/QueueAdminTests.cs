using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Admin.Queues;
using NocBoard.CustomFields;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Queues;

public class QueueAdminTests
{
    [Fact]
    public async Task AdminQueue_Globally_Creates_A_Queue_With_Every_Setting()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("qadmin");
        await s.GrantAsync(Right.AdminQueue, user: admin);
        var form = await s.QueueFormAsync("  Outages ");

        var id = (await s.QueuesAsync(q => q.CreateAsync(admin, form))).EnsureSucceeded();

        var queue = await s.DbAsync(db => db.Queues.AsNoTracking().SingleAsync(q => q.Id == id));
        Assert.Equal("Outages", queue.Name);
        Assert.Equal("Network outages", queue.Description);
        Assert.Equal("outages@noc.example.net", queue.CorrespondAddress);
        Assert.Equal("outages-comment@noc.example.net", queue.CommentAddress);
        Assert.Equal(await s.DefaultLifecycleIdAsync(), queue.LifecycleId);
        Assert.Equal(2, queue.DefaultDueInDays);
        Assert.Equal((50, 90), (queue.InitialPriority, queue.FinalPriority));
        Assert.False(queue.Disabled);
    }

    [Fact]
    public async Task Without_AdminQueue_Creating_Is_Refused_Naming_The_Right_And_Nothing_Is_Written()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");
        await s.GrantAllAsync(agent, null, Right.ShowConfigTab, Right.AdminUsers, Right.AdminGroups);
        var before = await s.AdminFootprintAsync();

        var result = await s.QueuesAsync(async q => await q.CreateAsync(agent, await s.QueueFormAsync("Outages")));

        AssertForbidden(result.Error, Right.AdminQueue);
        Assert.Equal("You may not create queues: that needs the AdminQueue right.", result.Error!.Message);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task AdminQueue_On_One_Queue_Changes_That_Queue_Only_And_Cannot_Create_Queues()
    {
        await using var s = await Scenario.StartAsync();
        var mine = await s.QueueAsync("Outages");
        var other = await s.QueueAsync("Billing");
        var lead = await s.UserAsync("lead");
        await s.GrantAsync(Right.AdminQueue, mine, user: lead);

        var form = await s.QueueFormAsync("Outages");
        form.Description = "Everything that is down";
        Assert.True((await s.QueuesAsync(q => q.UpdateAsync(lead, mine, form))).Succeeded);
        Assert.Equal("Everything that is down", await s.DbAsync(db => db.Queues.Where(q => q.Id == mine).Select(q => q.Description).SingleAsync()));

        var before = await s.AdminFootprintAsync();
        var otherForm = await s.QueueFormAsync("Billing");
        var refused = await s.QueuesAsync(q => q.UpdateAsync(lead, other, otherForm));
        AssertForbidden(refused.Error, Right.AdminQueue);
        Assert.Contains("queue 'Billing'", refused.Error!.Message);
        AssertForbidden((await s.QueuesAsync(q => q.SetDisabledAsync(lead, other, true))).Error, Right.AdminQueue);
        AssertForbidden((await s.QueuesAsync(async q => await q.CreateAsync(lead, await s.QueueFormAsync("New")))).Error, Right.AdminQueue);
        Assert.Equal(before, await s.AdminFootprintAsync());

        var listed = (await s.QueuesAsync(q => q.ListAsync(lead))).EnsureSucceeded();
        Assert.Equal(["Outages"], listed.Select(q => q.Name));
    }

    [Fact]
    public async Task Listing_Queues_Without_AdminQueue_Anywhere_Is_Refused()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");

        AssertForbidden((await s.QueuesAsync(q => q.ListAsync(agent))).Error, Right.AdminQueue);
        AssertForbidden((await s.QueuesAsync(async q => await q.GetAsync(agent, await s.GeneralQueueIdAsync()))).Error, Right.AdminQueue);
    }

    [Theory]
    [InlineData("General", "Name", "There is already a queue named 'General'.")]
    [InlineData("general", "Name", "There is already a queue named 'general'.")]
    [InlineData("   ", "Name", "A queue needs a name.")]
    public async Task A_Duplicate_Or_Missing_Name_Is_Refused(string name, string field, string message)
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var before = await s.AdminFootprintAsync();

        var result = await s.QueuesAsync(async q => await q.CreateAsync(root, await s.QueueFormAsync(name)));

        AssertInvalid(result.Error, field, message);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Bad_Addresses_Priorities_Due_Days_And_Lifecycles_Are_Refused_Naming_The_Field()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var general = await s.GeneralQueueIdAsync();
        var before = await s.AdminFootprintAsync();

        async Task<AdminError?> UpdateWith(Action<QueueForm> change)
        {
            var form = await s.QueueFormAsync("General");
            change(form);
            return (await s.QueuesAsync(q => q.UpdateAsync(root, general, form))).Error;
        }

        AssertInvalid(await UpdateWith(f => f.CorrespondAddress = "noc at example"), "CorrespondAddress", "'noc at example' is not an email address");
        AssertInvalid(await UpdateWith(f => f.CommentAddress = "a@b.c, d@e.f"), "CommentAddress", "is not an email address");
        AssertInvalid(await UpdateWith(f => f.InitialPriority = 101), "InitialPriority", "Initial priority 101 is outside 0–100");
        AssertInvalid(await UpdateWith(f => f.FinalPriority = -1), "FinalPriority", "Final priority -1 is outside 0–100");
        AssertInvalid(await UpdateWith(f => f.DefaultDueInDays = -3), "DefaultDueInDays", "-3 days");
        AssertInvalid(await UpdateWith(f => f.LifecycleId = 999), "LifecycleId", "There is no lifecycle #999.");
        AssertNotFound((await s.QueuesAsync(async q => await q.UpdateAsync(root, 999, await s.QueueFormAsync("X")))).Error, "There is no queue #999.");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_Disabled_Queue_Stays_With_Its_Tickets_But_Is_No_Longer_Offered_And_Can_Be_Enabled_Again()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        var ticket = await s.TicketAsync(queueId: queue);

        Assert.True((await s.QueuesAsync(q => q.SetDisabledAsync(root, queue, true))).Succeeded);

        Assert.True(await s.DbAsync(db => db.Queues.Where(q => q.Id == queue).Select(q => q.Disabled).SingleAsync()));
        Assert.Equal(queue, (await s.LoadTicketAsync(ticket)).QueueId);
        var visible = await s.InScopeAsync(sp => sp.GetRequiredService<QueueDirectory>().VisibleAsync(root));
        Assert.DoesNotContain(visible, q => q.Id == queue);
        Assert.Contains((await s.QueuesAsync(q => q.ListAsync(root))).EnsureSucceeded(), q => q.Id == queue && q.Disabled);

        Assert.True((await s.QueuesAsync(q => q.SetDisabledAsync(root, queue, false))).Succeeded);
        visible = await s.InScopeAsync(sp => sp.GetRequiredService<QueueDirectory>().VisibleAsync(root));
        Assert.Contains(visible, q => q.Id == queue);
    }

    [Fact]
    public async Task A_Queue_Cannot_Move_To_A_Lifecycle_Lacking_A_Status_Its_Tickets_Are_In()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var queue = await s.QueueAsync("Outages");
        await s.TicketAsync(queueId: queue, status: "stalled");
        var small = (await s.LifecyclesAsync(l => l.CreateAsync(root, NocBoard.Tests.Admin.Lifecycles.LifecycleAdminTests.Small("small")))).EnsureSucceeded();
        var form = await s.QueueFormAsync("Outages");
        form.LifecycleId = small;
        var before = await s.AdminFootprintAsync();

        var refused = await s.QueuesAsync(q => q.UpdateAsync(root, queue, form));

        AssertInvalid(refused.Error, "LifecycleId", "1 in 'stalled'");
        Assert.Equal(before, await s.AdminFootprintAsync());

        var empty = await s.QueueAsync("Empty");
        form.Name = "Empty";
        Assert.True((await s.QueuesAsync(q => q.UpdateAsync(root, empty, form))).Succeeded);
    }

    [Fact]
    public async Task A_Queue_Admin_Chooses_Which_Custom_Fields_Apply_To_The_Queue()
    {
        await using var s = await Scenario.StartAsync();
        var queue = await s.QueueAsync("Outages");
        var lead = await s.UserAsync("lead");
        await s.GrantAsync(Right.AdminQueue, queue, user: lead);
        var device = await s.CustomFieldAsync("Device", CustomFieldType.Text, global: false);
        var circuit = await s.CustomFieldAsync("Circuit", CustomFieldType.Text, global: false);
        var site = await s.CustomFieldAsync("Site", CustomFieldType.Text, global: true);

        Assert.True((await s.QueuesAsync(q => q.SetCustomFieldsAsync(lead, queue, [device, circuit]))).Succeeded);
        Assert.True((await s.QueuesAsync(q => q.SetCustomFieldsAsync(lead, queue, [circuit]))).Succeeded);
        Assert.Equal([circuit], (await s.QueuesAsync(q => q.GetAsync(lead, queue))).EnsureSucceeded().CustomFieldIds);

        var before = await s.AdminFootprintAsync();
        AssertInvalid((await s.QueuesAsync(q => q.SetCustomFieldsAsync(lead, queue, [site]))).Error, "CustomFields", "'Site' applies to every queue");
        AssertNotFound((await s.QueuesAsync(q => q.SetCustomFieldsAsync(lead, queue, [circuit, 999]))).Error, "There is no custom field #999.");
        var general = await s.GeneralQueueIdAsync();
        AssertForbidden((await s.QueuesAsync(q => q.SetCustomFieldsAsync(lead, general, [device]))).Error, Right.AdminQueue);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }
}
