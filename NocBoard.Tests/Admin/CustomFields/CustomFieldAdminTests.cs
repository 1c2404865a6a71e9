using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.CustomFields;
using NocBoard.CustomFields;
using NocBoard.Tests.Support;
using NocBoard.Tickets.Changes;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.CustomFields;

public class CustomFieldAdminTests
{
    private static CustomFieldForm Severity(params int[] queues) => new()
    {
        Name = "Severity",
        Description = "How bad it is",
        Type = CustomFieldType.SelectOne,
        Values = ["P1", " P2 ", "", "P3"],
        AppliesGlobally = queues.Length == 0,
        QueueIds = queues,
    };

    [Fact]
    public async Task AdminCustomField_Creates_A_Select_Field_For_Chosen_Queues_And_Tickets_There_Take_Its_Values()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAsync(Right.AdminCustomField, user: admin);
        var outages = await s.QueueAsync("Outages");

        var id = (await s.CustomFieldsAsync(c => c.CreateAsync(admin, Severity(outages)))).EnsureSucceeded();

        var field = await s.DbAsync(db => db.CustomFields.AsNoTracking().Include(f => f.Queues).SingleAsync(f => f.Id == id));
        Assert.Equal(("Severity", "How bad it is", CustomFieldType.SelectOne, false), (field.Name, field.Description, field.Type, field.AppliesGlobally));
        Assert.Equal(["P1", "P2", "P3"], field.Values);
        Assert.Equal([outages], field.Queues.Select(q => q.QueueId));
        Assert.Contains((await s.CustomFieldsAsync(c => c.ListAsync(admin))).EnsureSucceeded(), f => f.Id == id && f.AppliesTo == "Outages");

        var ticket = await s.TicketAsync(queueId: outages);
        Assert.True((await s.ApplyAsync(await s.RootAsync(), ticket, new SetCustomField(id, ["p2"]))).Succeeded);
    }

    [Fact]
    public async Task Without_AdminCustomField_Nothing_Is_Done()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");
        await s.GrantAllAsync(agent, null, Right.AdminQueue, Right.ShowConfigTab);
        var field = await s.CustomFieldAsync("Device", CustomFieldType.Text);
        var before = await s.AdminFootprintAsync();

        AssertForbidden((await s.CustomFieldsAsync(c => c.CreateAsync(agent, Severity()))).Error, Right.AdminCustomField);
        AssertForbidden((await s.CustomFieldsAsync(c => c.UpdateAsync(agent, field, Severity()))).Error, Right.AdminCustomField);
        AssertForbidden((await s.CustomFieldsAsync(c => c.SetDisabledAsync(agent, field, true))).Error, Right.AdminCustomField);
        AssertForbidden((await s.CustomFieldsAsync(c => c.ListAsync(agent))).Error, Right.AdminCustomField);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    public static TheoryData<string, Action<CustomFieldForm>, string, string> Invalid => new()
    {
        { "taken name", f => f.Name = "device", "Name", "There is already a custom field named 'device'." },
        { "no name", f => f.Name = null, "Name", "A custom field needs a name." },
        { "select without values", f => f.Values = ["", " "], "Values", "A select field needs at least one value" },
        { "values twice", f => f.Values = ["P1", "p1"], "Values", "Value 'p1' is listed twice." },
        { "values on text", f => f.Type = CustomFieldType.Text, "Values", "Only select fields have a list of values" },
        { "unknown type", f => f.Type = (CustomFieldType)42, "Type", "There is no custom field type '42'." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_Invalid_Field_Is_Refused_Naming_What_Is_Wrong(string why, Action<CustomFieldForm> spoil, string field, string message)
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        await s.CustomFieldAsync("Device", CustomFieldType.Text);
        var form = Severity();
        spoil(form);
        var before = await s.AdminFootprintAsync();

        var result = await s.CustomFieldsAsync(c => c.CreateAsync(root, form));

        Assert.True(result.Error is not null, why);
        AssertInvalid(result.Error, field, message);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Unknown_Queues_And_Fields_Are_Not_Found()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        AssertNotFound((await s.CustomFieldsAsync(c => c.CreateAsync(root, Severity(999)))).Error, "There is no queue #999.");
        AssertNotFound((await s.CustomFieldsAsync(c => c.UpdateAsync(root, 999, Severity()))).Error, "There is no custom field #999.");
        AssertNotFound((await s.CustomFieldsAsync(c => c.SetDisabledAsync(root, 999, true))).Error, "There is no custom field #999.");
    }

    [Fact]
    public async Task A_Field_In_Use_Keeps_Its_Type_And_The_Values_Tickets_Have_But_Can_Gain_Values_And_Queues()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var general = await s.GeneralQueueIdAsync();
        var id = (await s.CustomFieldsAsync(c => c.CreateAsync(root, Severity()))).EnsureSucceeded();
        var ticket = await s.TicketAsync();
        Assert.True((await s.ApplyAsync(root, ticket, new SetCustomField(id, ["P2"]))).Succeeded);
        var before = await s.AdminFootprintAsync();

        var dropP2 = Severity();
        dropP2.Values = ["P1", "P3"];
        AssertInvalid((await s.CustomFieldsAsync(c => c.UpdateAsync(root, id, dropP2))).Error, "Values", "Tickets still have 'P2' (1); those values must stay.");
        var asText = Severity();
        (asText.Type, asText.Values) = (CustomFieldType.Text, []);
        AssertInvalid((await s.CustomFieldsAsync(c => c.UpdateAsync(root, id, asText))).Error, "Type", "so it stays a SelectOne field");
        Assert.Equal(before, await s.AdminFootprintAsync());

        var more = Severity(general);
        more.Values = ["P1", "P2", "P3", "P4"];
        Assert.True((await s.CustomFieldsAsync(c => c.UpdateAsync(root, id, more))).Succeeded);
        var details = (await s.CustomFieldsAsync(c => c.GetAsync(root, id))).EnsureSucceeded();
        Assert.Equal(["P1", "P2", "P3", "P4"], details.Form.Values);
        Assert.Equal([general], details.Form.QueueIds);
        Assert.False(details.Form.AppliesGlobally);
    }

    [Fact]
    public async Task A_Disabled_Field_Is_Kept_And_Can_Be_Enabled_Again()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.CustomFieldAsync("Device", CustomFieldType.Text);

        Assert.True((await s.CustomFieldsAsync(c => c.SetDisabledAsync(root, id, true))).Succeeded);
        Assert.True(await s.DbAsync(db => db.CustomFields.Where(f => f.Id == id).Select(f => f.Disabled).SingleAsync()));
        Assert.True((await s.CustomFieldsAsync(c => c.SetDisabledAsync(root, id, false))).Succeeded);
        Assert.False(await s.DbAsync(db => db.CustomFields.Where(f => f.Id == id).Select(f => f.Disabled).SingleAsync()));
    }
}
