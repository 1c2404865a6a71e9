using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>
/// What <see cref="TicketReader"/> lets users see: lists (<see cref="TicketReader.QueryAsync"/>, filtered
/// in the database), single tickets and their history.
/// </summary>
public class VisibilityTests
{
    [Fact]
    public async Task ShowTicket_Granted_To_User_Group_Or_Role_Lists_Exactly_The_Tickets_Of_Those_Queues()
    {
        await using var s = await Scenario.StartAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var transit = await s.QueueAsync("Transit");
        var customers = await s.QueueAsync("Customer Care");
        var alice = await s.AccountAsync("alice");
        var bob = await s.AccountAsync("bob");
        var carol = await s.AccountAsync("carol", privileged: false);
        var dave = await s.AccountAsync("dave");
        var noc = await s.GroupAsync("NOC Level 2", bob);

        await s.GrantAsync(Right.ShowTicket, backbone, user: alice);
        await s.GrantAsync(Right.ShowTicket, peering, groupId: noc);
        await s.GrantAsync(Right.ShowTicket, transit, role: RoleName.Privileged);
        await s.GrantAsync(Right.ShowTicket, customers, role: RoleName.Unprivileged);
        await s.GrantAsync(Right.ModifyTicket, user: dave);   // other rights show nothing
        await s.GrantAsync(Right.ShowTicket, await s.QueueAsync("Empty"), user: dave);
        var b1 = await s.TicketAsync("Core router CPU high", backbone);
        var p1 = await s.TicketAsync("IX port errors", peering);
        var t1 = await s.TicketAsync("Transit provider maintenance", transit);
        var c1 = await s.TicketAsync("Customer cannot reach VPN", customers);
        var b2 = await s.TicketAsync("Fibre cut on span 12", backbone);
        var g1 = await s.TicketAsync("Printer on fire");

        Assert.Equal([b1, t1, b2], await s.VisibleAsync(alice));
        Assert.Equal([p1, t1], await s.VisibleAsync(bob));
        Assert.Equal([c1], await s.VisibleAsync(carol));
        Assert.Equal([t1], await s.VisibleAsync(dave));

        // Everyone, globally: every ticket for everybody.
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Everyone);
        int[] all = [b1, p1, t1, c1, b2, g1];
        foreach (var user in new[] { alice, bob, carol, dave })
            Assert.Equal(all, await s.VisibleAsync(user));
        Assert.Empty(await s.VisibleAsync(RightsArrange.Unknown()));
    }

    [Fact]
    public async Task Requestor_Grant_Lists_The_Tickets_Requested_By_User_Id_Or_By_Email_Address_In_The_Granted_Queues()
    {
        await using var s = await Scenario.StartAsync();   // seeded default: Requestor holds ShowTicket globally
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var root = await s.RootAsync();
        const string address = "Carol.Customer@Example.NET";
        var byAddressBeforeAccount = await RequestedAsync(s, root, backbone, WatcherRef.Address(address));
        var carol = await s.AccountAsync("carol", privileged: false, email: address);
        var byId = await RequestedAsync(s, root, peering, WatcherRef.User(carol.Id));
        var byAddressAfterAccount = await RequestedAsync(s, root, backbone, WatcherRef.Address(address.ToUpperInvariant()));
        var ccOnly = (await s.CreateAsync(root, new NewTicket
        {
            QueueId = backbone, Subject = "Carol is only Cc", Cc = [WatcherRef.User(carol.Id)], AdminCc = [WatcherRef.Address(address)],
        })).EnsureSucceeded().Id;
        var someoneElses = await RequestedAsync(s, root, backbone, WatcherRef.Address("dave@example.org"));

        Assert.Equal([byAddressBeforeAccount, byId, byAddressAfterAccount], await s.VisibleAsync(carol));
        Assert.NotNull(await s.GetAsync(byAddressBeforeAccount, carol));
        Assert.Null(await s.GetAsync(ccOnly, carol));
        Assert.Null(await s.GetAsync(someoneElses, carol));

        // Granted on Backbone only.
        await s.RevokeAllButSuperUserAsync();
        await s.GrantAsync(Right.ShowTicket, backbone, role: RoleName.Requestor);
        Assert.Equal([byAddressBeforeAccount, byAddressAfterAccount], await s.VisibleAsync(carol));
        Assert.Null(await s.GetAsync(byId, carol));
    }

    [Fact]
    public async Task Owner_And_Cc_Grants_List_Owned_Tickets_And_Those_Of_Queues_Watched_As_Cc_By_User_Group_Or_Address()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var transit = await s.QueueAsync("Transit");
        var alice = await s.AccountAsync("alice");
        var bob = await s.AccountAsync("bob");
        var carol = await s.AccountAsync("carol", email: "Carol@Example.NET");
        var dave = await s.AccountAsync("dave");
        var noc = await s.GroupAsync("NOC Level 2", bob);
        await s.QueueWatcherAsync(backbone, WatcherRole.Cc, userId: alice.Id);
        await s.QueueWatcherAsync(peering, WatcherRole.Cc, groupId: noc);
        await s.QueueWatcherAsync(transit, WatcherRole.Cc, email: "carol@example.net");
        await s.QueueWatcherAsync(backbone, WatcherRole.AdminCc, userId: dave.Id);   // AdminCc: the Cc grant does not cover it
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Cc);
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Owner);
        var b1 = await s.TicketAsync("Core router CPU high", backbone);
        var p1 = await s.TicketAsync("IX port errors", peering);
        var t1 = await s.TicketAsync("Transit provider maintenance", transit);
        var g1 = await s.TicketAsync("Printer on fire");
        var g2 = await s.TicketAsync("Fan failure in rack 4");
        await s.SetOwnerDirectlyAsync(g1, dave.Id);
        await s.SetOwnerDirectlyAsync(p1, alice.Id);

        Assert.Equal([b1, p1], await s.VisibleAsync(alice));   // Cc of Backbone, owner of p1
        Assert.Equal([p1], await s.VisibleAsync(bob));         // Cc of Peering through the group
        Assert.Equal([t1], await s.VisibleAsync(carol));       // Cc of Transit through her address
        Assert.Equal([g1], await s.VisibleAsync(dave));        // owner of g1 only; AdminCc of Backbone does not count
        Assert.Null(await s.GetAsync(g2, alice));

        // Per queue: the Cc grant on Peering only.
        await s.RevokeAllButSuperUserAsync();
        await s.GrantAsync(Right.ShowTicket, peering, role: RoleName.Cc);
        Assert.Empty(await s.VisibleAsync(alice));
        Assert.Equal([p1], await s.VisibleAsync(bob));
        Assert.Empty(await s.VisibleAsync(carol));
    }

    [Fact]
    public async Task History_Omits_Comments_Without_ShowTicketComments_And_Includes_Them_With_It()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var agent = await s.AccountAsync("agent");
        var outsider = await s.AccountAsync("outsider");
        var root = await s.RootAsync();
        var carol = await s.AccountAsync("carol", privileged: false, email: "carol@example.net");
        await s.GrantAsync(Right.ShowTicket, backbone, user: agent);
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Requestor);
        await s.GrantAsync(Right.ShowTicketComments, peering, user: agent);   // another queue: does not count
        var ticket = (await s.CreateAsync(root, new NewTicket
        {
            QueueId = backbone, Subject = "Core router CPU high", Requestors = [WatcherRef.User(carol.Id)],
            Content = new TicketMessage("CPU at 100% since 03:00."),
        })).EnsureSucceeded().Id;
        (await s.ApplyAsync(root, ticket, new Comment(new TicketMessage("Customer is on the old firmware.")))).EnsureSucceeded();
        (await s.ApplyAsync(root, ticket, new Correspond(new TicketMessage("We are looking into it.")))).EnsureSucceeded();

        TransactionType[] withoutComments = [TransactionType.Create, TransactionType.Correspond, TransactionType.Status];
        Assert.Equal(withoutComments, (await s.HistoryAsync(ticket, agent))!.Select(t => t.Type));
        Assert.Equal(withoutComments, (await s.HistoryAsync(ticket, carol))!.Select(t => t.Type));
        Assert.Null(await s.HistoryAsync(ticket, outsider));

        await s.GrantAsync(Right.ShowTicketComments, backbone, user: agent);
        await s.GrantAsync(Right.ShowTicketComments, role: RoleName.Requestor);
        TransactionType[] withComments = [TransactionType.Create, TransactionType.Comment, TransactionType.Correspond, TransactionType.Status];
        Assert.Equal(withComments, (await s.HistoryAsync(ticket, agent))!.Select(t => t.Type));
        Assert.Equal(withComments, (await s.HistoryAsync(ticket, carol))!.Select(t => t.Type));
        var comment = (await s.HistoryAsync(ticket, agent))!.Single(t => t.Type == TransactionType.Comment);
        Assert.Contains("old firmware", System.Text.Encoding.UTF8.GetString(Assert.Single(comment.Attachments).Content));

        // ShowTicketComments alone does not open the ticket.
        await s.GrantAsync(Right.ShowTicketComments, user: outsider);
        Assert.Null(await s.HistoryAsync(ticket, outsider));
    }

    private static async Task<int> RequestedAsync(Scenario s, Actor root, int queueId, WatcherRef requestor) =>
        (await s.CreateAsync(root, new NewTicket { QueueId = queueId, Subject = $"Requested by {requestor}", Requestors = [requestor] }))
        .EnsureSucceeded().Id;
}
