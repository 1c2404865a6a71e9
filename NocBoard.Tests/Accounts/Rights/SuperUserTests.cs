using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.Rights;

public class SuperUserTests
{
    [Fact]
    public async Task SuperUser_Granted_Globally_To_A_User_Or_Group_Gives_Every_Right_Everywhere()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var admin = await s.AccountAsync("admin");
        var member = await s.AccountAsync("member");
        var admins = await s.GroupAsync("Administrators", member);
        await s.GrantAsync(Right.SuperUser, user: admin);
        await s.GrantAsync(Right.SuperUser, groupId: admins);
        var tickets = new[]
        {
            await s.TicketAsync("Core router CPU high", backbone),
            await s.TicketAsync("IX port errors", peering),
            await s.TicketAsync("Printer on fire"),
        };

        foreach (var user in new[] { admin, member })
        {
            var failures = new List<string>();
            await s.InScopeAsync(async sp =>
            {
                var rights = sp.GetRequiredService<RightsService>();
                Assert.True((await rights.SubjectAsync(user.Id)).IsSuperUser, $"{user.Name} is a SuperUser");
                foreach (var right in RightsArrange.AllRights)
                foreach (var queue in new int?[] { null, backbone, peering })
                    if (!await rights.HasAsync(user.Id, right, queue))
                        failures.Add($"{user.Name} lacks {right} on {(queue is null ? "the system" : $"queue {queue}")}");
                foreach (var id in tickets)
                {
                    var ticket = await s.LoadTicketAsync(id);
                    foreach (var right in RightsArrange.AllRights)
                        if (!await rights.HasOnTicketAsync(user.Id, right, ticket))
                            failures.Add($"{user.Name} lacks {right} on ticket #{id}");
                }
            });
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(tickets.Order(), await s.VisibleAsync(user));
        }

        // And the write path agrees: the SuperUser may delete a ticket in a queue nobody was granted anything on.
        var deleted = await s.ApplyAsync(member, tickets[0], new SetStatus("deleted"));
        Assert.True(deleted.Succeeded, deleted.Error?.Message);
        var created = await s.CreateAsync(admin, new NewTicket { QueueId = peering, Subject = "Planned works" });
        Assert.True(created.Succeeded, created.Error?.Message);
    }

    [Fact]
    public async Task SuperUser_Granted_On_A_Queue_Gives_Nothing_Not_Even_On_That_Queue()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var admin = await s.AccountAsync("queue-admin");
        var member = await s.AccountAsync("member");
        var admins = await s.GroupAsync("Backbone administrators", member);
        await s.GrantAsync(Right.SuperUser, backbone, user: admin);
        await s.GrantAsync(Right.SuperUser, backbone, groupId: admins);
        await s.GrantAsync(Right.SuperUser, backbone, role: RoleName.Everyone);
        var ticket = await s.TicketAsync("Core router CPU high", backbone);

        foreach (var user in new[] { admin, member })
        {
            var failures = new List<string>();
            await s.InScopeAsync(async sp =>
            {
                var rights = sp.GetRequiredService<RightsService>();
                Assert.False((await rights.SubjectAsync(user.Id)).IsSuperUser, $"{user.Name} is no SuperUser");
                foreach (var right in RightsArrange.AllRights)
                foreach (var queue in new int?[] { null, backbone, peering })
                    if (await rights.HasAsync(user.Id, right, queue))
                        failures.Add($"{user.Name} holds {right} on {(queue is null ? "the system" : $"queue {queue}")}");
                var loaded = await s.LoadTicketAsync(ticket);
                foreach (var right in RightsArrange.AllRights)
                    if (await rights.HasOnTicketAsync(user.Id, right, loaded))
                        failures.Add($"{user.Name} holds {right} on ticket #{ticket}");
            });
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Empty(await s.VisibleAsync(user));
            Assert.Null(await s.GetAsync(ticket, user));

            var before = await s.FootprintAsync();
            var change = await s.ApplyAsync(user, ticket, new SetStatus("deleted"));
            Assert.Equal(TicketErrorKind.NotFound, change.Error?.Kind);
            var create = await s.CreateAsync(user, new NewTicket { QueueId = backbone, Subject = "Planned works" });
            Assert.Equal(TicketErrorKind.Forbidden, create.Error?.Kind);
            Assert.Equal(before, await s.FootprintAsync());
        }
    }
}
