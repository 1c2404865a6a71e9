using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Admin.CustomFields;
using NocBoard.Admin.Groups;
using NocBoard.Admin.Lifecycles;
using NocBoard.Admin.Queues;
using NocBoard.Admin.Rights;
using NocBoard.Admin.Users;

namespace NocBoard.Tests.Admin;

/// <summary>The pages refuse, naming the right, when the user lacks it, and show a refused change beside its field.</summary>
public class AdminPageTests : AdminComponentTest
{
    public static TheoryData<Type, string> Pages => new()
    {
        { typeof(AdminHomePage), "You may not see the administration pages: that needs the ShowConfigTab right." },
        { typeof(QueuesPage), "You may not administer queues: that needs the AdminQueue right, globally or on a queue." },
        { typeof(QueuePage), "You may not administer queues: that needs the AdminQueue right, globally or on a queue." },
        { typeof(UsersPage), "You may not administer users: that needs the AdminUsers right." },
        { typeof(NewUserPage), "You may not create users: that needs the AdminUsers right." },
        { typeof(UserPage), "You may not administer users: that needs the AdminUsers right." },
        { typeof(GroupsPage), "You may not administer groups: that needs the AdminGroups right." },
        { typeof(GroupPage), "You may not administer groups: that needs the AdminGroups right." },
        { typeof(RightsPage), "You may not grant rights: that needs the SuperUser right, or AdminQueue on a queue." },
        { typeof(CustomFieldsPage), "You may not administer custom fields: that needs the AdminCustomField right." },
        { typeof(CustomFieldPage), "You may not administer custom fields: that needs the AdminCustomField right." },
        { typeof(LifecyclesPage), "You may not administer lifecycles: that needs the SuperUser right." },
        { typeof(LifecyclePage), "You may not administer lifecycles: that needs the SuperUser right." },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_Page_Says_Which_Right_Is_Missing_And_Shows_Nothing_Else(Type page, string refusal)
    {
        var agent = await S.UserAsync("agent");
        await S.GrantAsync(Right.ModifyTicket, user: agent);
        SignIn(agent);

        var rendered = Render(b =>
        {
            b.OpenComponent(0, page);
            if (page.GetProperty("Id") is not null) b.AddAttribute(1, "Id", 1);
            b.CloseComponent();
        });

        rendered.WaitForAssertion(() => Assert.Equal(refusal, rendered.Find("[data-testid=admin-refused]").TextContent.Trim()));
        Assert.Empty(rendered.FindAll("input"));
    }

    [Fact]
    public async Task A_Queue_Admin_Saves_The_Queue_From_Its_Page()
    {
        var general = await S.GeneralQueueIdAsync();
        var lead = await S.UserAsync("lead");
        await S.GrantAsync(Right.AdminQueue, general, user: lead);
        SignIn(lead);
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<QueuePage>(p => p.Add(x => x.Id, general));
        page.WaitForElement("input[data-testid=queue-name]");

        await page.InvokeAsync(() => page.Find("input[data-testid=queue-name]").Change("General support"));
        await page.InvokeAsync(() => page.Find("button[data-testid=queue-save]").Click());

        await WaitForAsync(async () => "General support" == await S.DbAsync(db => db.Queues.Where(q => q.Id == general).Select(q => q.Name).SingleAsync()));
        Assert.Contains("Disable", page.Find("[data-testid=queue-disable]").TextContent);
    }

    [Fact]
    public async Task A_Refused_Save_Shows_The_Reason_Beside_The_Field_And_Writes_Nothing()
    {
        var general = await S.GeneralQueueIdAsync();
        SignIn(await S.RootAsync());
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<QueuePage>(p => p.Add(x => x.Id, general));
        page.WaitForElement("input[data-testid=queue-correspond]");
        var before = await S.AdminFootprintAsync();

        await page.InvokeAsync(() => page.Find("input[data-testid=queue-correspond]").Change("noc at example"));
        await page.InvokeAsync(() => page.Find("button[data-testid=queue-save]").Click());

        page.WaitForAssertion(() =>
        {
            var field = page.Find("input[data-testid=queue-correspond]").Closest(".mud-input-control")!;
            Assert.Contains("Reply address: 'noc at example' is not an email address.", field.TextContent);
        });
        Assert.Equal(before, await S.AdminFootprintAsync());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
