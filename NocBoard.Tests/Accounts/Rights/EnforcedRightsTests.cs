using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>
/// The write path enforces rights itself: a change without its right is refused as Forbidden,
/// naming the right, and writes nothing; with the right it goes through. Without ShowTicket the
/// ticket does not exist for the actor at all.
/// </summary>
public class EnforcedRightsTests
{
    /// <summary>A clean slate with staff who may see Backbone's tickets and nothing else, and a ticket there.</summary>
    private static async Task<(Scenario S, int Queue, Actor Agent, int Ticket)> ArrangeAsync()
    {
        var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var queue = await s.QueueAsync("Backbone");
        var agent = await s.AccountAsync("agent");
        await s.GrantAsync(Right.ShowTicket, queue, user: agent);
        var ticket = await s.TicketAsync("Core router CPU high", queue);
        return (s, queue, agent, ticket);
    }

    /// <summary>
    /// Asserts the change is Forbidden naming <paramref name="right"/> and wrote nothing, even with
    /// the right granted on another queue; then grants it on the queue and asserts it succeeds.
    /// </summary>
    private static async Task<TicketChangeResult> AssertNeedsAsync(Scenario s, Actor actor, int queueId, int ticketId, string right,
        params TicketChange[] changes)
    {
        var elsewhere = await s.QueueAsync($"Elsewhere for {right}");
        await s.GrantAsync(right, elsewhere, user: actor);
        var before = await s.FootprintAsync();

        var refused = await s.ApplyAsync(actor, ticketId, changes);

        Assert.False(refused.Succeeded, $"{string.Join(", ", changes)} went through without {right}");
        Assert.Equal(TicketErrorKind.Forbidden, refused.Error!.Kind);
        Assert.Contains(right, refused.Error.Message);
        Assert.Equal(before, await s.FootprintAsync());

        await s.GrantAsync(right, queueId, user: actor);
        var allowed = await s.ApplyAsync(actor, ticketId, changes);
        Assert.True(allowed.Succeeded, allowed.Error?.Message);
        Assert.NotEqual(before, await s.FootprintAsync());
        return allowed;
    }

    [Fact]
    public async Task SetStatus_Needs_ModifyTicket_And_Deleting_Needs_DeleteTicket_Which_ModifyTicket_Does_Not_Replace()
    {
        var (s, queue, agent, ticket) = await ArrangeAsync();
        await using var _ = s;

        await AssertNeedsAsync(s, agent, queue, ticket, Right.ModifyTicket, new SetStatus("open"));
        Assert.Equal("open", (await s.LoadTicketAsync(ticket)).Status);

        await AssertNeedsAsync(s, agent, queue, ticket, Right.DeleteTicket, new SetStatus("deleted"));
        Assert.Equal("deleted", (await s.LoadTicketAsync(ticket)).Status);
    }

    [Fact]
    public async Task Correspond_Needs_ReplyToTicket_And_Comment_Needs_CommentOnTicket()
    {
        var (s, queue, agent, ticket) = await ArrangeAsync();
        await using var _ = s;

        await AssertNeedsAsync(s, agent, queue, ticket, Right.ReplyToTicket, new Correspond(new TicketMessage("We are on it.")));
        await AssertNeedsAsync(s, agent, queue, ticket, Right.CommentOnTicket, new Comment(new TicketMessage("Looks like the line card.")));

        var types = (await s.TransactionsAsync(ticket)).Select(t => t.Type).ToList();
        Assert.Contains(TransactionType.Correspond, types);
        Assert.Contains(TransactionType.Comment, types);
    }

    [Fact]
    public async Task Take_Steal_And_Give_Need_TakeTicket_StealTicket_And_ReassignTicket_And_The_New_Owner_Needs_OwnTicket()
    {
        var (s, queue, agent, ticket) = await ArrangeAsync();
        await using var _ = s;
        var colleague = await s.AccountAsync("colleague");
        await s.GrantAsync(Right.ShowTicket, queue, user: colleague);

        // Take: an unowned ticket, for oneself. Holding TakeTicket is not enough without OwnTicket.
        var before = await s.FootprintAsync();
        await s.GrantAsync(Right.TakeTicket, queue, user: agent);
        var cannotOwn = await s.ApplyAsync(agent, ticket, new SetOwner(agent.Id));
        Assert.Equal(TicketErrorKind.Invalid, cannotOwn.Error?.Kind);
        Assert.Contains(Right.OwnTicket, cannotOwn.Error!.Message);
        Assert.Equal(before, await s.FootprintAsync());
        await s.DbAsync(db => db.RightGrants.Where(g => g.Right == Right.TakeTicket).ExecuteDeleteAsync());
        await s.GrantAsync(Right.OwnTicket, queue, user: agent);
        var take = await AssertNeedsAsync(s, agent, queue, ticket, Right.TakeTicket, new SetOwner(agent.Id));
        Assert.Equal(TransactionType.Take, Assert.Single(take.Transactions).Type);

        // Steal: someone else's ticket, for oneself.
        await s.GrantAsync(Right.OwnTicket, queue, user: colleague);
        var steal = await AssertNeedsAsync(s, colleague, queue, ticket, Right.StealTicket, new SetOwner(colleague.Id));
        Assert.Equal(TransactionType.Steal, Assert.Single(steal.Transactions).Type);
        Assert.Equal(colleague.Id, (await s.LoadTicketAsync(ticket)).OwnerId);

        // Give: the owner hands the ticket to someone else, who must be able to own it.
        var nightShift = await s.AccountAsync("night-shift");
        before = await s.FootprintAsync();
        await s.GrantAsync(Right.ReassignTicket, queue, user: colleague);
        var toNonOwner = await s.ApplyAsync(colleague, ticket, new SetOwner(nightShift.Id));
        Assert.Equal(TicketErrorKind.Invalid, toNonOwner.Error?.Kind);
        Assert.Contains(Right.OwnTicket, toNonOwner.Error!.Message);
        Assert.Equal(before, await s.FootprintAsync());
        await s.DbAsync(db => db.RightGrants.Where(g => g.Right == Right.ReassignTicket).ExecuteDeleteAsync());
        await s.GrantAsync(Right.OwnTicket, queue, user: nightShift);
        var give = await AssertNeedsAsync(s, colleague, queue, ticket, Right.ReassignTicket, new SetOwner(nightShift.Id));
        Assert.Equal(TransactionType.Give, Assert.Single(give.Transactions).Type);
        Assert.Equal(nightShift.Id, (await s.LoadTicketAsync(ticket)).OwnerId);

        // Giving away a ticket someone else owns also needs ForceOwnerChange.
        await s.GrantAsync(Right.ReassignTicket, queue, user: agent);
        var force = await AssertNeedsAsync(s, agent, queue, ticket, Right.ForceOwnerChange, new SetOwner(colleague.Id));
        Assert.Equal(TransactionType.Give, Assert.Single(force.Transactions).Type);
        Assert.Equal(colleague.Id, (await s.LoadTicketAsync(ticket)).OwnerId);
    }

    [Fact]
    public async Task SetCustomField_Needs_ModifyCustomField()
    {
        var (s, queue, agent, ticket) = await ArrangeAsync();
        await using var _ = s;
        var device = await s.CustomFieldAsync("Device", CustomFieldType.Text);

        await AssertNeedsAsync(s, agent, queue, ticket, Right.ModifyCustomField, new SetCustomField(device, ["core1.fra"]));

        Assert.Equal("core1.fra", Assert.Single((await s.LoadTicketAsync(ticket)).CustomFieldValues).Value);
    }

    [Fact]
    public async Task Create_Needs_CreateTicket_On_The_Queue_Of_The_New_Ticket()
    {
        var (s, queue, agent, _) = await ArrangeAsync();
        await using var __ = s;
        var elsewhere = await s.QueueAsync("Peering");
        await s.GrantAsync(Right.CreateTicket, elsewhere, user: agent);
        var newTicket = new NewTicket { QueueId = queue, Subject = "Fibre cut on span 12" };
        var before = await s.FootprintAsync();

        var refused = await s.CreateAsync(agent, newTicket);

        Assert.Equal(TicketErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Contains(Right.CreateTicket, refused.Error!.Message);
        Assert.Equal(before, await s.FootprintAsync());

        await s.GrantAsync(Right.CreateTicket, queue, user: agent);
        var created = await s.CreateAsync(agent, newTicket);
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.Equal(queue, created.Ticket!.QueueId);
    }

    [Fact]
    public async Task Without_ShowTicket_Every_Change_Is_NotFound_Like_A_Missing_Ticket_And_Writes_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        await s.RevokeAllButSuperUserAsync();
        var queue = await s.QueueAsync("Backbone");
        var agent = await s.AccountAsync("agent");
        var colleague = await s.AccountAsync("colleague");
        await s.GrantEachAsync(RightsArrange.QueueRights.Where(r => r != Right.ShowTicket), null, userId: agent.Id);
        await s.GrantAsync(Right.OwnTicket, user: colleague);
        await s.GrantAsync(Right.ShowTicket, await s.QueueAsync("Peering"), user: agent);
        var device = await s.CustomFieldAsync("Device", CustomFieldType.Text);
        var ticket = await s.TicketAsync("Core router CPU high", queue);
        var missing = ticket + 1000;
        var before = await s.FootprintAsync();

        TicketChange[] changes =
        [
            new SetStatus("open"),
            new SetStatus("deleted"),
            new Correspond(new TicketMessage("We are on it.")),
            new Comment(new TicketMessage("Looks like the line card.")),
            new SetOwner(agent.Id),
            new SetOwner(colleague.Id),
            new SetCustomField(device, ["core1.fra"]),
            new SetField(TicketField.Priority, "50"),
        ];
        foreach (var change in changes)
        {
            var hidden = await s.ApplyAsync(agent, ticket, change);
            var absent = await s.ApplyAsync(agent, missing, change);
            Assert.Equal(TicketErrorKind.NotFound, hidden.Error?.Kind);
            Assert.Equal(TicketErrorKind.NotFound, absent.Error?.Kind);
            Assert.Equal(absent.Error!.Message.Replace($"#{missing}", "#N"), hidden.Error!.Message.Replace($"#{ticket}", "#N"));
        }
        Assert.Equal(before, await s.FootprintAsync());

        // The same changes go through once the ticket may be seen.
        await s.GrantAsync(Right.ShowTicket, queue, user: agent);
        var result = await s.ApplyAsync(agent, ticket, changes[0]);
        Assert.True(result.Succeeded, result.Error?.Message);
    }
}
