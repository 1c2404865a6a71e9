using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

public class MergeAndSplitTests
{
    [Fact]
    public async Task Merging_Moves_History_Watchers_And_Links_And_The_Old_Number_Follows()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var general = await s.GeneralQueueIdAsync();
        var duplicate = (await s.CreateAsync(root, new NewTicket
        {
            QueueId = general, Subject = "POP-1 down (customer B)", Requestors = [WatcherRef.Address("b@example.com")],
            Content = new TicketMessage("Customer B reports outage"), TimeWorked = 10,
        })).EnsureSucceeded().Id;
        var main = (await s.CreateAsync(root, new NewTicket
        {
            QueueId = general, Subject = "POP-1 down", Requestors = [WatcherRef.Address("a@example.com")],
        })).EnsureSucceeded().Id;
        var related = await s.TicketAsync("Power work at POP-1");
        Assert.True((await s.ApplyAsync(root, duplicate, new AddLink(LinkKind.RefersTo, related))).Succeeded);

        var merge = await s.ApplyAsync(root, duplicate, new Merge(main));
        Assert.True(merge.Succeeded, merge.Error?.Message);

        var source = await s.LoadTicketAsync(duplicate);
        var target = await s.LoadTicketAsync(main);
        Assert.Equal(main, source.EffectiveId);
        Assert.Equal("resolved", source.Status);
        Assert.Equal(["a@example.com", "b@example.com"], target.Watchers.Select(w => w.Email).Order());
        Assert.Equal(10, target.TimeWorked);

        await s.InScopeAsync(async sp =>
        {
            var reader = sp.GetRequiredService<TicketReader>();
            Assert.Equal(main, (await reader.GetAsync(duplicate, root))!.Id);
            var history = await reader.HistoryAsync(duplicate, root);
            Assert.Contains(history!, t => t.TicketId == duplicate && t.Type == TransactionType.Create
                                           && Encoding.UTF8.GetString(t.Attachments[0].Content).Contains("Customer B"));
            Assert.Contains(history!, t => t.TicketId == main && t.Type == TransactionType.Merge);
            var links = await reader.LinksAsync(main, root);
            Assert.Contains(links!, l => l.Type == LinkType.RefersTo && l.BaseId == main && l.TargetId == related);
            Assert.DoesNotContain((await sp.GetRequiredService<TicketReader>().QueryAsync(root)).ToList(), t => t.Id == duplicate);
        });

        // Changes addressed to the old number land on the ticket it was merged into.
        var reply = await s.ApplyAsync(root, duplicate, new Comment(new TicketMessage("late reply")));
        Assert.Equal(main, reply.Ticket!.Id);
    }

    [Fact]
    public async Task A_Ticket_Cannot_Be_Merged_Into_Itself_Or_A_Missing_Ticket()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        Assert.Contains("into itself", (await s.ApplyAsync(root, id, new Merge(id))).Error!.Message);
        Assert.Equal(TicketErrorKind.NotFound, (await s.ApplyAsync(root, id, new Merge(999))).Error!.Kind);
    }

    [Fact]
    public async Task Splitting_A_Message_Creates_A_Linked_Ticket_Starting_With_It()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = (await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General", Subject = "Several issues", Requestors = [WatcherRef.Address("c@example.com")],
            Content = new TicketMessage("First issue"),
        })).EnsureSucceeded().Id;
        var reply = await s.ApplyAsync(root, id, new Correspond(new TicketMessage("Also: the VPN is slow")
        {
            Attachments = [new NewAttachment("speedtest.png", "image/png", [1, 2, 3])],
        }));
        var message = reply.Transactions.Single(t => t.Type == TransactionType.Correspond);

        var split = await s.ApplyAsync(root, id, new Split(message.Id, "VPN slow"));
        Assert.True(split.Succeeded, split.Error?.Message);
        var newId = int.Parse(split.Transactions.Single(t => t.Type == TransactionType.Split).NewValue!);

        var created = await s.LoadTicketAsync(newId);
        Assert.Equal("VPN slow", created.Subject);
        Assert.Equal("c@example.com", Assert.Single(created.Watchers).Email);
        var create = (await s.TransactionsAsync(newId)).First();
        Assert.Equal(TransactionType.Create, create.Type);
        Assert.Equal("Also: the VPN is slow", Encoding.UTF8.GetString(create.Attachments.Single(a => a.IsBody).Content));
        Assert.Equal("speedtest.png", create.Attachments.Single(a => !a.IsBody).FileName);
        await s.InScopeAsync(async sp =>
        {
            var links = await sp.GetRequiredService<TicketReader>().LinksAsync(newId, root);
            Assert.Contains(links!, l => l.Type == LinkType.RefersTo && l.BaseId == newId && l.TargetId == id);
        });
    }
}
