using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

/// <summary>Every kind of change goes through Apply and leaves its transaction in the history.</summary>
public class TicketHistoryTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    private async Task<TicketTransaction> LastAfter(int ticketId, TicketChange change)
    {
        var root = await s.RootAsync();
        var before = await s.LoadTicketAsync(ticketId);
        var result = await s.ApplyAsync(root, ticketId, change);
        Assert.True(result.Succeeded, result.Error?.Message);
        var after = await s.LoadTicketAsync(ticketId);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(root.Id, after.LastUpdatedById);
        var last = (await s.TransactionsAsync(ticketId)).Last();
        Assert.Equal(root.Id, last.ActorId);
        return last;
    }

    [Fact]
    public async Task Status_Change_Records_Old_And_New_And_Keeps_Dates()
    {
        var id = await s.TicketAsync();
        var t = await LastAfter(id, new SetStatus("open"));
        Assert.Equal((TransactionType.Status, "Status", "new", "open"), (t.Type, t.Field, t.OldValue, t.NewValue));
        Assert.NotNull((await s.LoadTicketAsync(id)).Started);

        await LastAfter(id, new SetStatus("resolved"));
        Assert.NotNull((await s.LoadTicketAsync(id)).Resolved);

        var reopen = await LastAfter(id, new SetStatus("open"));
        Assert.Equal(("resolved", "open"), (reopen.OldValue, reopen.NewValue));
        Assert.Null((await s.LoadTicketAsync(id)).Resolved);
    }

    [Theory]
    [InlineData(TicketField.Subject, "Fibre cut between FRA and AMS", "Fibre cut between FRA and AMS")]
    [InlineData(TicketField.Priority, "80", "80")]
    [InlineData(TicketField.InitialPriority, "10", "10")]
    [InlineData(TicketField.FinalPriority, "90", "90")]
    [InlineData(TicketField.TimeEstimated, "120", "120")]
    [InlineData(TicketField.TimeLeft, "30", "30")]
    [InlineData(TicketField.Due, "2026-12-01T12:00:00Z", "2026-12-01T12:00:00Z")]
    [InlineData(TicketField.Starts, "2026-11-30", "2026-11-30T00:00:00Z")]
    [InlineData(TicketField.Told, "2026-11-23T08:00:00+01:00", "2026-11-23T07:00:00Z")]
    public async Task Setting_A_Field_Records_A_Set_Transaction(TicketField field, string value, string stored)
    {
        var id = await s.TicketAsync();
        var t = await LastAfter(id, new SetField(field, value));
        Assert.Equal((TransactionType.Set, field.ToString(), stored), (t.Type, t.Field, t.NewValue));
    }

    [Fact]
    public async Task Owner_Changes_Are_Recorded_As_Take_Give_Steal_And_Untake()
    {
        var id = await s.TicketAsync();
        var root = await s.RootAsync();
        var agent = await s.UserAsync("alice");
        await s.GrantAllAsync(agent, null, Right.OwnTicket, Right.ShowTicket, Right.StealTicket);

        Assert.Equal(TransactionType.Take, (await LastAfter(id, new SetOwner(root.Id))).Type);
        var give = await LastAfter(id, new SetOwner(agent.Id));
        Assert.Equal((TransactionType.Give, root.Id.ToString(), agent.Id.ToString()), (give.Type, give.OldValue, give.NewValue));

        var steal = await s.ApplyAsync(agent, id, new SetOwner(agent.Id));
        Assert.True(steal.Succeeded, steal.Error?.Message); // alice already owns it: a no-op
        Assert.Equal(TransactionType.Steal, (await LastAfter(id, new SetOwner(root.Id))).Type);
        Assert.Equal(TransactionType.Untake, (await LastAfter(id, SetOwner.Nobody)).Type);
        Assert.Null((await s.LoadTicketAsync(id)).OwnerId);
    }

    [Fact]
    public async Task Correspond_And_Comment_Store_Their_Message_And_Time()
    {
        var id = await s.TicketAsync(status: "open");
        var reply = await LastAfter(id, new Correspond(new TicketMessage("We are on it.") { TimeTaken = 5 }));
        Assert.Equal(TransactionType.Correspond, reply.Type);
        Assert.Equal(5, reply.TimeTaken);
        var comment = await LastAfter(id, new Comment(new TicketMessage("Carrier ref 123")
        {
            Attachments = [new NewAttachment("trace.txt", "text/plain", "traceroute output"u8.ToArray())],
        }));
        Assert.Equal(TransactionType.Comment, comment.Type);
        Assert.Equal(["trace.txt"], comment.Attachments.Where(a => !a.IsBody).Select(a => a.FileName));
        Assert.Equal(5, (await s.LoadTicketAsync(id)).TimeWorked);
    }

    [Fact]
    public async Task Watchers_Links_Custom_Fields_Time_And_Queue_Are_Recorded()
    {
        var id = await s.TicketAsync();
        var other = await s.TicketAsync("Upstream maintenance");
        var device = await s.CustomFieldAsync("Device", CustomFieldType.Text);
        var outages = await s.QueueAsync("Outages");

        var add = await LastAfter(id, new AddWatcher(WatcherRole.Cc, WatcherRef.Address("ops@example.net")));
        Assert.Equal((TransactionType.AddWatcher, "Cc", "ops@example.net"), (add.Type, add.Field, add.NewValue));
        var del = await LastAfter(id, new RemoveWatcher(WatcherRole.Cc, WatcherRef.Address("OPS@example.net")));
        Assert.Equal((TransactionType.DelWatcher, "ops@example.net"), (del.Type, del.OldValue));

        var link = await LastAfter(id, new AddLink(LinkKind.DependsOn, other));
        Assert.Equal((TransactionType.AddLink, "DependsOn", other.ToString()), (link.Type, link.Field, link.NewValue));
        var reverse = (await s.TransactionsAsync(other)).Last();
        Assert.Equal((TransactionType.AddLink, "DependedOnBy", id.ToString()), (reverse.Type, reverse.Field, reverse.NewValue));
        Assert.Equal(TransactionType.DeleteLink, (await LastAfter(id, new RemoveLink(LinkKind.DependsOn, other))).Type);

        var cf = await LastAfter(id, new SetCustomField(device, ["core-rtr-1"]));
        Assert.Equal((TransactionType.CustomField, "Device", null, "core-rtr-1"), (cf.Type, cf.Field, cf.OldValue, cf.NewValue));

        var time = await LastAfter(id, new AddTimeWorked(15));
        Assert.Equal((TransactionType.TimeWorked, "0", "15"), (time.Type, time.OldValue, time.NewValue));

        var queue = await LastAfter(id, new SetQueue(outages));
        Assert.Equal((TransactionType.Set, "Queue", outages.ToString()), (queue.Type, queue.Field, queue.NewValue));
    }

    [Fact]
    public async Task A_Change_To_The_Current_Value_Writes_Nothing()
    {
        var id = await s.TicketAsync();
        var before = await s.FootprintAsync();
        var result = await s.ApplyAsync(await s.RootAsync(), id, new SetStatus("new"), new SetField(TicketField.Priority, "0"));
        Assert.True(result.Succeeded);
        Assert.Empty(result.Transactions);
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task Staff_Reply_Opens_A_New_Ticket_But_A_Requestor_Reply_Does_Not()
    {
        var customer = await s.UserAsync("customer", privileged: false, email: "customer@example.com");
        var general = await s.GeneralQueueIdAsync();
        var created = await s.CreateAsync(customer, new NewTicket { QueueId = general, Subject = "No internet", Requestors = [WatcherRef.User(customer.Id)] });
        var id = created.EnsureSucceeded().Id;

        Assert.True((await s.ApplyAsync(customer, id, new Correspond(new TicketMessage("Still down")))).Succeeded);
        Assert.Equal("new", (await s.LoadTicketAsync(id)).Status);

        await s.ApplyAsync(await s.RootAsync(), id, new Correspond(new TicketMessage("Looking now")));
        var ticket = await s.LoadTicketAsync(id);
        Assert.Equal("open", ticket.Status);
        Assert.NotNull(ticket.Told);
        var types = (await s.TransactionsAsync(id)).Select(t => t.Type);
        Assert.Equal([TransactionType.Create, TransactionType.Correspond, TransactionType.Correspond, TransactionType.Status], types);
    }

    [Fact]
    public async Task Several_Changes_Commit_Together_As_One_Version()
    {
        var id = await s.TicketAsync();
        var root = await s.RootAsync();
        var result = await s.ApplyAsync(root, id, new SetOwner(root.Id), new SetStatus("open"), new Comment(new TicketMessage("taking this")));
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Transactions.Count);
        Assert.Equal(2, (await s.LoadTicketAsync(id)).Version);
    }
}
