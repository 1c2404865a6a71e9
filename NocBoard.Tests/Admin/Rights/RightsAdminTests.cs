using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Rights;
using NocBoard.Tests.Accounts.Rights;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Rights;

public class RightsAdminTests
{
    [Fact]
    public async Task A_SuperUser_Grants_A_Global_Right_And_It_Takes_Effect_In_The_Same_Scope_And_After()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var general = await s.GeneralQueueIdAsync();

        var sameScope = await s.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            Assert.False(await rights.HasAsync(bob.Id, Right.ModifyTicket, general));
            var result = await sp.GetRequiredService<RightsAdmin>().SetAsync(root, RightsPrincipal.User(bob.Id), Right.ModifyTicket, null, true);
            Assert.True(result.Succeeded, result.Error?.Message);
            return await rights.HasAsync(bob.Id, Right.ModifyTicket, general);
        });

        Assert.True(sameScope);
        Assert.True(await s.HasAsync(bob.Id, Right.ModifyTicket, general));

        Assert.True((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(bob.Id), Right.ModifyTicket, null, false))).Succeeded);
        Assert.False(await s.HasAsync(bob.Id, Right.ModifyTicket, general));
    }

    [Fact]
    public async Task Granting_Twice_Stores_One_Grant_And_Revoking_What_Is_Not_Granted_Changes_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var group = await s.GroupAsync("NOC");
        var before = (await s.GrantsAsync()).Count;

        for (var i = 0; i < 2; i++)
            Assert.True((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.Group(group), Right.SeeQueue, null, true))).Succeeded);
        Assert.Equal(before + 1, (await s.GrantsAsync()).Count);

        Assert.True((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.Group(group), Right.OwnTicket, null, false))).Succeeded);
        Assert.Equal(before + 1, (await s.GrantsAsync()).Count);
    }

    [Fact]
    public async Task Global_Grants_Need_SuperUser_And_A_Refusal_Writes_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAllAsync(admin, null, Right.AdminQueue, Right.AdminUsers, Right.AdminGroups, Right.ShowConfigTab);
        var before = await s.AdminFootprintAsync();

        var result = await s.RightsAsync(r => r.SetAsync(admin, RightsPrincipal.User(admin.Id), Right.SuperUser, null, true));
        var revoke = await s.RightsAsync(r => r.SetAsync(admin, RightsPrincipal.OfRole(RoleName.Everyone), Right.CreateTicket, null, false));

        AssertForbidden(result.Error, Right.SuperUser);
        Assert.Equal("You may not change global rights: that needs the SuperUser right.", result.Error!.Message);
        AssertForbidden(revoke.Error, Right.SuperUser);
        AssertForbidden((await s.RightsAsync(r => r.GridAsync(admin, RightsPrincipal.User(admin.Id), null))).Error, Right.SuperUser);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task AdminQueue_On_A_Queue_Manages_That_Queues_Grants_Only()
    {
        await using var s = await Scenario.StartAsync();
        var mine = await s.QueueAsync("Outages");
        var other = await s.QueueAsync("Billing");
        var lead = await s.UserAsync("lead");
        await s.GrantAsync(Right.AdminQueue, mine, user: lead);
        var bob = await s.AccountAsync("bob");

        Assert.True((await s.RightsAsync(r => r.SetAsync(lead, RightsPrincipal.User(bob.Id), Right.OwnTicket, mine, true))).Succeeded);
        Assert.True(await s.HasAsync(bob.Id, Right.OwnTicket, mine));
        Assert.False(await s.HasAsync(bob.Id, Right.OwnTicket, other));

        var before = await s.AdminFootprintAsync();
        var refused = await s.RightsAsync(r => r.SetAsync(lead, RightsPrincipal.User(bob.Id), Right.OwnTicket, other, true));
        AssertForbidden(refused.Error, Right.AdminQueue);
        Assert.Contains("queue 'Billing'", refused.Error!.Message);
        AssertForbidden((await s.RightsAsync(r => r.SetAsync(lead, RightsPrincipal.User(bob.Id), Right.OwnTicket, null, true))).Error, Right.SuperUser);
        Assert.Equal(before, await s.AdminFootprintAsync());

        var choices = (await s.RightsAsync(r => r.ChoicesAsync(lead))).EnsureSucceeded();
        Assert.False(choices.MayGrantGlobally);
        Assert.Equal(["Outages"], choices.Queues.Select(q => q.Name));
    }

    [Fact]
    public async Task Nobody_Without_SuperUser_Or_AdminQueue_Gets_The_Choices()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");
        var result = await s.RightsAsync(r => r.ChoicesAsync(agent));
        AssertForbidden(result.Error, Right.SuperUser);
    }

    [Theory]
    [InlineData(nameof(Right.AdminUsers))]
    [InlineData(nameof(Right.ShowConfigTab))]
    [InlineData(nameof(Right.SuperUser))]
    public async Task A_Global_Only_Right_Cannot_Be_Granted_On_A_Queue(string right)
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var general = await s.GeneralQueueIdAsync();
        var before = await s.AdminFootprintAsync();

        var result = await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(bob.Id), right, general, true));

        AssertInvalid(result.Error, "Right", $"{right} is a global right; it cannot be granted on queue 'General'.");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_Global_Only_Right_Cannot_Go_To_A_Ticket_Role()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var result = await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.OfRole(RoleName.Owner), Right.AdminUsers, null, true));
        AssertInvalid(result.Error, "Right", "the Owner role exists only on tickets");
    }

    [Fact]
    public async Task Grants_Without_Exactly_One_Known_Principal_Or_Of_Unknown_Rights_Or_Queues_Are_Refused()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC");
        var before = await s.AdminFootprintAsync();

        AssertInvalid((await s.RightsAsync(r => r.SetAsync(root, new RightsPrincipal(), Right.SeeQueue, null, true))).Error,
            "Principal", "A grant needs exactly one principal: a user, a group, or a role.");
        AssertInvalid((await s.RightsAsync(r => r.SetAsync(root, new RightsPrincipal(bob.Id, group), Right.SeeQueue, null, true))).Error,
            "Principal", "exactly one principal");
        AssertNotFound((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(999), Right.SeeQueue, null, true))).Error, "There is no user #999.");
        AssertNotFound((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.Group(999), Right.SeeQueue, null, true))).Error, "There is no group #999.");
        AssertInvalid((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.OfRole((RoleName)99), Right.SeeQueue, null, true))).Error, "Principal", "There is no role '99'.");
        AssertInvalid((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(bob.Id), "FlyToTheMoon", null, true))).Error, "Right", "There is no right 'FlyToTheMoon'.");
        AssertNotFound((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(bob.Id), Right.SeeQueue, 999, true))).Error, "There is no queue #999.");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_SuperUser_Cannot_Revoke_Their_Own_SuperUser()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var result = await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.User(root.Id), Right.SuperUser, null, false));
        AssertInvalid(result.Error, "Right", "You cannot revoke your own SuperUser right");
        Assert.True(await s.HasAsync(root.Id, Right.SuperUser, null));
    }

    [Fact]
    public async Task A_Role_Grant_On_A_Queue_Applies_To_Whoever_Plays_The_Role()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var root = await s.RootAsync();
        var general = await s.GeneralQueueIdAsync();
        var staff = await s.AccountAsync("staff");
        var customer = await s.AccountAsync("customer", privileged: false);

        Assert.True((await s.RightsAsync(r => r.SetAsync(root, RightsPrincipal.OfRole(RoleName.Privileged), Right.SeeQueue, general, true))).Succeeded);

        Assert.True(await s.HasAsync(staff.Id, Right.SeeQueue, general));
        Assert.False(await s.HasAsync(customer.Id, Right.SeeQueue, general));
    }

    [Fact]
    public async Task The_Grid_Lists_Every_Right_With_Its_Description_And_What_The_Principal_Holds_Here_And_Globally()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var general = await s.GeneralQueueIdAsync();
        await s.GrantAsync(Right.ShowTicket, general, user: bob);
        await s.GrantAsync(Right.SeeQueue, user: bob);

        var grid = (await s.RightsAsync(r => r.GridAsync(root, RightsPrincipal.User(bob.Id), general))).EnsureSucceeded();

        Assert.Equal(("user bob", "queue 'General'"), (grid.Principal, grid.Scope));
        Assert.Equal(Right.All.Select(r => (r.Name, r.Description)), grid.Rows.Select(r => (r.Definition.Name, r.Definition.Description)));
        Assert.Equal([Right.ShowTicket], grid.Rows.Where(r => r.Granted).Select(r => r.Definition.Name));
        Assert.Equal([Right.SeeQueue], grid.Rows.Where(r => r.GrantedGlobally).Select(r => r.Definition.Name));
        Assert.Equal(Right.All.Where(r => r.Scope == RightScope.Global).Select(r => r.Name), grid.Rows.Where(r => !r.Grantable).Select(r => r.Definition.Name));
    }
}
