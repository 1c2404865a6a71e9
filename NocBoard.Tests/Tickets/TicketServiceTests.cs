using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class TicketServiceTests
{
    [Fact]
    public async Task Create_Records_A_Create_Transaction_With_The_Message()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var result = await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General",
            Subject = "BGP session to AS64500 flapping",
            Requestors = [WatcherRef.Address("Customer@Example.COM")],
            Content = new TicketMessage("Since 03:00 UTC the session resets every 5 minutes."),
        });

        Assert.True(result.Succeeded, result.Error?.Message);
        var ticket = await s.LoadTicketAsync(result.Ticket!.Id);
        Assert.Equal("new", ticket.Status);
        Assert.Equal(ticket.Id, ticket.EffectiveId);
        Assert.Equal(1, ticket.Version);
        var requestor = Assert.Single(ticket.Watchers);
        Assert.Equal(("customer@example.com", WatcherRole.Requestor), (requestor.Email, requestor.Role));
        var create = Assert.Single(await s.TransactionsAsync(ticket.Id));
        Assert.Equal(TransactionType.Create, create.Type);
        Assert.Equal(root.Id, create.ActorId);
        Assert.Contains("every 5 minutes", System.Text.Encoding.UTF8.GetString(Assert.Single(create.Attachments).Content));
    }
}
