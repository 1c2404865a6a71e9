using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Groups;
using NocBoard.Tests.Accounts.Rights;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Groups;

public class GroupAdminTests
{
    [Fact]
    public async Task AdminGroups_Creates_A_Group_Describes_It_And_Adds_And_Removes_Members()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAsync(Right.AdminGroups, user: admin);
        var bob = await s.AccountAsync("bob");
        var eve = await s.AccountAsync("eve");

        var id = (await s.GroupsAsync(g => g.CreateAsync(admin, new GroupForm { Name = " NOC Level 2 ", Description = "Second line" }))).EnsureSucceeded();
        Assert.True((await s.GroupsAsync(g => g.AddMemberAsync(admin, id, bob.Id))).Succeeded);
        Assert.True((await s.GroupsAsync(g => g.AddMemberAsync(admin, id, eve.Id))).Succeeded);
        Assert.True((await s.GroupsAsync(g => g.RemoveMemberAsync(admin, id, bob.Id))).Succeeded);
        Assert.True((await s.GroupsAsync(g => g.UpdateAsync(admin, id, new GroupForm { Name = "NOC L2", Description = "Second line, nights too" }))).Succeeded);

        var details = (await s.GroupsAsync(g => g.GetAsync(admin, id))).EnsureSucceeded();
        Assert.Equal(("NOC L2", "Second line, nights too", false), (details.Form.Name, details.Form.Description, details.Disabled));
        Assert.Equal(["eve"], details.Members.Select(m => m.Name));
        Assert.Contains((await s.GroupsAsync(g => g.ListAsync(admin))).EnsureSucceeded(), g => g.Id == id && g.Members == 1);
    }

    [Fact]
    public async Task Without_AdminGroups_Every_Change_Is_Refused_And_Nothing_Is_Written()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");
        await s.GrantAllAsync(agent, null, Right.AdminUsers, Right.ShowConfigTab);
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC", bob);
        var before = await s.AdminFootprintAsync();

        AssertForbidden((await s.GroupsAsync(g => g.CreateAsync(agent, new GroupForm { Name = "New" }))).Error, Right.AdminGroups);
        AssertForbidden((await s.GroupsAsync(g => g.UpdateAsync(agent, group, new GroupForm { Name = "Renamed" }))).Error, Right.AdminGroups);
        AssertForbidden((await s.GroupsAsync(g => g.SetDisabledAsync(agent, group, true))).Error, Right.AdminGroups);
        AssertForbidden((await s.GroupsAsync(g => g.AddMemberAsync(agent, group, agent.Id))).Error, Right.AdminGroups);
        AssertForbidden((await s.GroupsAsync(g => g.RemoveMemberAsync(agent, group, bob.Id))).Error, Right.AdminGroups);
        AssertForbidden((await s.GroupsAsync(g => g.ListAsync(agent))).Error, Right.AdminGroups);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Duplicate_Names_Members_And_Unknown_Ids_Are_Refused()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var noc = await s.GroupAsync("NOC", bob);
        var other = await s.GroupAsync("Other");
        var before = await s.AdminFootprintAsync();

        AssertInvalid((await s.GroupsAsync(g => g.CreateAsync(root, new GroupForm { Name = "noc" }))).Error, "Name", "There is already a group named 'noc'.");
        AssertInvalid((await s.GroupsAsync(g => g.UpdateAsync(root, other, new GroupForm { Name = "NOC" }))).Error, "Name", "There is already a group named 'NOC'.");
        AssertInvalid((await s.GroupsAsync(g => g.CreateAsync(root, new GroupForm()))).Error, "Name", "A group needs a name.");
        AssertInvalid((await s.GroupsAsync(g => g.AddMemberAsync(root, noc, bob.Id))).Error, "Member", "bob is already a member of group 'NOC'.");
        AssertNotFound((await s.GroupsAsync(g => g.AddMemberAsync(root, noc, 999))).Error, "There is no user #999.");
        AssertNotFound((await s.GroupsAsync(g => g.AddMemberAsync(root, 999, bob.Id))).Error, "There is no group #999.");
        AssertNotFound((await s.GroupsAsync(g => g.RemoveMemberAsync(root, other, bob.Id))).Error, "is not a member of group 'Other'");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task A_Disabled_Group_Is_Kept_But_Gives_No_Rights_Until_Enabled_Again()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC", bob);
        await s.GrantAsync(Right.AdminCustomField, groupId: group);
        Assert.True(await s.HasAsync(bob.Id, Right.AdminCustomField, null));

        Assert.True((await s.GroupsAsync(g => g.SetDisabledAsync(root, group, true))).Succeeded);
        Assert.False(await s.HasAsync(bob.Id, Right.AdminCustomField, null));
        Assert.Equal(1, await s.DbAsync(db => db.GroupMembers.CountAsync(m => m.GroupId == group)));

        Assert.True((await s.GroupsAsync(g => g.SetDisabledAsync(root, group, false))).Succeeded);
        Assert.True(await s.HasAsync(bob.Id, Right.AdminCustomField, null));
    }

    [Fact]
    public async Task A_New_Member_Holds_The_Groups_Rights_In_The_Same_Scope()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC");
        await s.GrantAsync(Right.AdminUsers, groupId: group);

        var has = await s.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            Assert.False(await rights.HasAsync(bob.Id, Right.AdminUsers));
            Assert.True((await sp.GetRequiredService<GroupAdmin>().AddMemberAsync(root, group, bob.Id)).Succeeded);
            return await rights.HasAsync(bob.Id, Right.AdminUsers);
        });

        Assert.True(has);
    }

    [Fact]
    public async Task Only_A_SuperUser_Changes_The_Members_Of_A_Group_Holding_SuperUser()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAllAsync(admin, null, Right.AdminGroups, Right.AdminUsers);
        var gods = await s.GroupAsync("Gods");
        await s.GrantAsync(Right.SuperUser, groupId: gods);
        var before = await s.AdminFootprintAsync();

        AssertForbidden((await s.GroupsAsync(g => g.AddMemberAsync(admin, gods, admin.Id))).Error, Right.SuperUser);
        AssertForbidden((await s.UsersAsync(u => u.SetGroupsAsync(admin, admin.Id, [gods]))).Error, Right.SuperUser);
        Assert.Equal(before, await s.AdminFootprintAsync());
        Assert.False(await s.HasAsync(admin.Id, Right.SuperUser, null));

        var root = await s.RootAsync();
        Assert.True((await s.GroupsAsync(g => g.AddMemberAsync(root, gods, admin.Id))).Succeeded);
    }
}
