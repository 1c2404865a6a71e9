using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Search.Bulk;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Search.Bulk;

public class BulkUpdateTests
{
    [Fact]
    public async Task Each_Ticket_Is_Updated_On_Its_Own_And_Refusals_Are_Reported_Per_Ticket()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var a = await s.TicketAsync("A", queueId: outages);
        var b = await s.TicketAsync("B", queueId: outages);
        var blocked = await s.TicketAsync("C", queueId: outages);
        var cause = await s.TicketAsync("cause", queueId: outages);
        var elsewhere = await s.TicketAsync("D");
        await s.ApplyAsync(await s.RootAsync(), blocked, new AddLink(LinkKind.DependsOn, cause));
        var agent = await s.UserAsync("hank");
        await s.GrantAllAsync(agent, outages, Right.ShowTicket, Right.ModifyTicket, Right.CommentOnTicket);

        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<BulkUpdate>().ApplyAsync(
            [a, b, blocked, elsewhere], new BulkChanges { Status = "resolved", Priority = 30, Comment = "Fixed by the carrier" }, agent));

        Assert.Equal([a, b], outcome.Updated);
        Assert.Equal([blocked, elsewhere], outcome.Refused.Select(r => r.Ticket));
        Assert.Contains("pending 1 other ticket", outcome.Refused[0].Reason);
        Assert.Contains($"There is no ticket #{elsewhere}", outcome.Refused[1].Reason);

        foreach (var id in new[] { a, b })
        {
            var ticket = await s.LoadTicketAsync(id);
            Assert.Equal(("resolved", 30), (ticket.Status, ticket.Priority));
            Assert.Contains(await s.TransactionsAsync(id), t => t.Type == TransactionType.Comment);
        }
        var untouched = await s.LoadTicketAsync(blocked);
        Assert.Equal(("new", 0), (untouched.Status, untouched.Priority)); // its own changes rolled back together
    }

    [Fact]
    public async Task Bulk_Update_Of_A_Search_And_Its_Limits()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var x = await s.TicketAsync("Flapping port on sw1");
        var y = await s.TicketAsync("Flapping port on sw2");
        var z = await s.TicketAsync("Unrelated");
        await s.InScopeAsync(async sp =>
        {
            var bulk = sp.GetRequiredService<BulkUpdate>();
            var outcome = await bulk.ApplyToSearchAsync("Subject LIKE 'Flapping'", new BulkChanges { OwnerId = root.Id }, root);
            Assert.Equal([x, y], outcome.Updated);
            await Assert.ThrowsAsync<ArgumentException>(() => bulk.ApplyAsync([z], new BulkChanges(), root));
        });
        Assert.Null((await s.LoadTicketAsync(z)).OwnerId);
        Assert.Equal(root.Id, (await s.LoadTicketAsync(x)).OwnerId);
    }
}
