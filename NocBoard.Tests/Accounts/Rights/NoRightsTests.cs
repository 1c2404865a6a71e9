using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>Disabled users, members of disabled groups and unknown user ids hold no right at all.</summary>
public class NoRightsTests
{
    [Fact]
    public async Task Disabled_User_Has_No_Rights_Despite_Direct_Role_And_SuperUser_Grants()
    {
        await using var s = await Scenario.StartAsync();   // keeps the seeded defaults: Everyone may create and reply, Requestors see
        var backbone = await s.QueueAsync("Backbone");
        var leaver = await s.AccountAsync("leaver", email: "leaver@example.net");
        await s.GrantEachAsync(RightsArrange.AllRights, null, userId: leaver.Id);
        await s.GrantEachAsync(RightsArrange.QueueRights, backbone, role: RoleName.Owner);
        var ticket = (await s.CreateAsync(await s.RootAsync(), new NewTicket
        {
            QueueId = backbone,
            Subject = "Core router CPU high",
            Requestors = [WatcherRef.User(leaver.Id)],
            Cc = [WatcherRef.User(leaver.Id)],
        })).EnsureSucceeded().Id;
        await s.SetOwnerDirectlyAsync(ticket, leaver.Id);
        Assert.True(await s.HasAsync(leaver.Id, Right.SuperUser, null), "enabled, the user is a SuperUser");

        await s.DisableUserAsync(leaver);

        await AssertHoldsNothingAsync(s, leaver, backbone, ticket);
    }

    [Fact]
    public async Task Membership_Of_A_Disabled_Group_Gives_Neither_Its_Rights_Nor_Its_Queue_Watcher_Roles()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var backbone = await s.QueueAsync("Backbone");
        var member = await s.AccountAsync("member");
        var group = await s.GroupAsync("Former NOC Level 2", member);
        await s.GrantEachAsync(RightsArrange.AllRights, null, groupId: group);
        await s.QueueWatcherAsync(backbone, WatcherRole.Cc, groupId: group);
        await s.QueueWatcherAsync(backbone, WatcherRole.AdminCc, groupId: group);
        await s.GrantEachAsync(RightsArrange.QueueRights, null, role: RoleName.Cc);
        await s.GrantEachAsync(RightsArrange.QueueRights, null, role: RoleName.AdminCc);
        var ticket = await s.TicketAsync("Core router CPU high", backbone);
        Assert.True(await s.HasAsync(member.Id, Right.SuperUser, null), "while the group is enabled, its member is a SuperUser");

        await s.DisableGroupAsync(group);

        await s.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            var subject = await rights.SubjectAsync(member.Id);
            Assert.Empty(subject.GroupIds);
            Assert.Equal(TicketRoles.None, await rights.RolesOnAsync(subject, await s.LoadTicketAsync(ticket)));
        });
        await AssertHoldsNothingAsync(s, member, backbone, ticket);
    }

    [Fact]
    public async Task Unknown_User_Id_Has_No_Rights_Not_Even_Those_Granted_To_Everyone()
    {
        await using var s = await Scenario.StartAsync();   // Everyone holds CreateTicket and ReplyToTicket by default
        var backbone = await s.QueueAsync("Backbone");
        await s.GrantEachAsync(RightsArrange.QueueRights, null, role: RoleName.Everyone);
        await s.GrantEachAsync(RightsArrange.QueueRights, null, role: RoleName.Privileged);
        await s.GrantEachAsync(RightsArrange.QueueRights, null, role: RoleName.Unprivileged);
        var ticket = await s.TicketAsync("Core router CPU high", backbone);

        await AssertHoldsNothingAsync(s, RightsArrange.Unknown(), backbone, ticket);
    }

    private static async Task AssertHoldsNothingAsync(Scenario s, Actor actor, int queueId, int ticketId)
    {
        var failures = new List<string>();
        await s.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            var ticket = await s.LoadTicketAsync(ticketId);
            foreach (var right in RightsArrange.AllRights)
            {
                if (await rights.HasAsync(actor.Id, right, null)) failures.Add($"{right} globally");
                if (await rights.HasAsync(actor.Id, right, queueId)) failures.Add($"{right} on queue {queueId}");
                if (await rights.HasOnTicketAsync(actor.Id, right, ticket)) failures.Add($"{right} on ticket #{ticketId}");
            }
        });
        Assert.True(failures.Count == 0, $"{actor.Name} holds:\n{string.Join("\n", failures)}");

        Assert.Empty(await s.VisibleAsync(actor));
        Assert.Null(await s.GetAsync(ticketId, actor));
        Assert.Null(await s.HistoryAsync(ticketId, actor));

        var before = await s.FootprintAsync();
        var reply = await s.ApplyAsync(actor, ticketId, new Correspond(new TicketMessage("Still broken?")));
        Assert.Equal(TicketErrorKind.NotFound, reply.Error?.Kind);
        var create = await s.CreateAsync(actor, new NewTicket { QueueId = queueId, Subject = "New outage" });
        Assert.Equal(TicketErrorKind.Forbidden, create.Error?.Kind);
        Assert.Contains(Right.CreateTicket, create.Error!.Message);
        Assert.Equal(before, await s.FootprintAsync());
    }
}
