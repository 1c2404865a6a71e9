using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets;

/// <summary>Bad input gets a clear error naming what was wrong, and nothing at all is written.</summary>
public class TicketRefusalTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    private async Task AssertRefusedAsync(Func<Task<TicketChangeResult>> act, TicketErrorKind kind, string message)
    {
        var before = await s.FootprintAsync();
        var result = await act();
        Assert.False(result.Succeeded);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Contains(message, result.Error.Message);
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task Unknown_Status_Is_Refused_Listing_The_Valid_Ones()
    {
        var id = await s.TicketAsync();
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new SetStatus("escalated")),
            TicketErrorKind.Invalid, "'escalated' is not a status of lifecycle 'default'; use one of: new, open");
    }

    [Fact]
    public async Task Transition_The_Lifecycle_Forbids_Is_Refused()
    {
        var lifecycleId = await s.DbAsync(async db =>
        {
            var lifecycle = new NocBoard.Queues.Lifecycle
            {
                Name = "change",
                DefaultOnCreate = "requested",
                OnMerge = "rejected",
                Statuses = [new() { Name = "requested" }, new() { Name = "approved", Group = NocBoard.Queues.StatusGroup.Active },
                            new() { Name = "rejected", Group = NocBoard.Queues.StatusGroup.Inactive }],
                Transitions = [new() { From = "requested", To = "approved", Right = Right.ModifyTicket }],
            };
            db.Lifecycles.Add(lifecycle);
            await db.SaveChangesAsync();
            return lifecycle.Id;
        });
        var queue = await s.QueueAsync("Changes", lifecycleId);
        var id = await s.TicketAsync(queueId: queue);
        Assert.Equal("requested", (await s.LoadTicketAsync(id)).Status);
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new SetStatus("rejected")),
            TicketErrorKind.Invalid, "does not allow requested → rejected; from requested a ticket may go to: approved");
    }

    [Fact]
    public async Task Unknown_Queue_Is_Refused()
    {
        await AssertRefusedAsync(async () => await s.CreateAsync(await s.RootAsync(), new NewTicket { QueueName = "Nowhere", Subject = "x" }),
            TicketErrorKind.Invalid, "There is no queue 'Nowhere'");
        var id = await s.TicketAsync();
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new SetQueue(999)),
            TicketErrorKind.Invalid, "There is no queue #999");
    }

    [Fact]
    public async Task Wrong_Type_For_A_Custom_Field_Is_Refused()
    {
        var id = await s.TicketAsync();
        var field = await s.CustomFieldAsync("Circuit bandwidth", CustomFieldType.Number);
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new SetCustomField(field, ["fast"])),
            TicketErrorKind.Invalid, "Custom field 'Circuit bandwidth' takes a number; 'fast' is not one");
        await AssertRefusedAsync(async () => await s.CreateAsync(await s.RootAsync(), new NewTicket
            {
                QueueName = "General", Subject = "x",
                CustomFields = new Dictionary<int, IReadOnlyList<string>> { [field] = ["fast"] },
            }),
            TicketErrorKind.Invalid, "takes a number");
    }

    [Fact]
    public async Task Custom_Field_Of_Another_Queue_Is_Refused()
    {
        var outages = await s.QueueAsync("Outages");
        var field = await s.CustomFieldAsync("Carrier", CustomFieldType.Text, global: false, queueId: outages);
        var id = await s.TicketAsync();
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new SetCustomField(field, ["Zayo"])),
            TicketErrorKind.Invalid, "Custom field 'Carrier' does not apply to queue 'General'");
    }

    [Fact]
    public async Task Link_To_A_Missing_Ticket_Is_Refused()
    {
        var id = await s.TicketAsync();
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new AddLink(LinkKind.DependsOn, 4242)),
            TicketErrorKind.NotFound, "There is no ticket #4242");
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id, new AddLink(LinkKind.RefersTo, id)),
            TicketErrorKind.Invalid, "cannot be linked to itself");
    }

    [Fact]
    public async Task Missing_Ticket_Is_Not_Found()
    {
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), 777, new SetStatus("open")),
            TicketErrorKind.NotFound, "There is no ticket #777");
    }

    [Fact]
    public async Task A_Right_Not_Held_Is_Refused_Naming_The_Right()
    {
        var id = await s.TicketAsync();
        var agent = await s.UserAsync("bob");
        await s.GrantAsync(Right.ShowTicket, user: agent);
        await AssertRefusedAsync(() => s.ApplyAsync(agent, id, new SetStatus("open")),
            TicketErrorKind.Forbidden, "needs the ModifyTicket right");
        await AssertRefusedAsync(() => s.ApplyAsync(agent, id, new Comment(new TicketMessage("hi"))),
            TicketErrorKind.Forbidden, "needs the CommentOnTicket right");
    }

    [Fact]
    public async Task A_Refusal_Later_In_A_Batch_Undoes_The_Earlier_Changes()
    {
        var id = await s.TicketAsync();
        await AssertRefusedAsync(async () => await s.ApplyAsync(await s.RootAsync(), id,
                new SetStatus("open"), new Correspond(new TicketMessage("on it")), new SetField(TicketField.Priority, "500")),
            TicketErrorKind.Invalid, "Priority must be between 0 and 100, not 500");
    }

    [Fact]
    public async Task Oversized_Attachment_Is_Refused_With_Its_Size_And_The_Limit()
    {
        await using var small = await Scenario.StartAsync(new Dictionary<string, string?> { ["Tickets:MaxAttachmentBytes"] = "1024" });
        var id = await small.TicketAsync();
        var before = await small.FootprintAsync();
        var result = await small.ApplyAsync(await small.RootAsync(), id, new Comment(new TicketMessage("log attached")
        {
            Attachments = [new NewAttachment("syslog.txt", "text/plain", new byte[4096])],
        }));
        Assert.Equal(TicketErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal("Attachment 'syslog.txt' is 4 KiB; the limit is 1 KiB.", result.Error.Message);
        Assert.Equal(before, await small.FootprintAsync());
    }

    [Fact]
    public async Task Bad_Field_Values_Are_Refused()
    {
        var id = await s.TicketAsync();
        var root = await s.RootAsync();
        await AssertRefusedAsync(() => s.ApplyAsync(root, id, new SetField(TicketField.Subject, "  ")), TicketErrorKind.Invalid, "needs a subject");
        await AssertRefusedAsync(() => s.ApplyAsync(root, id, new SetField(TicketField.Due, "soonish")), TicketErrorKind.Invalid, "Due takes a date");
        await AssertRefusedAsync(() => s.ApplyAsync(root, id, new SetField(TicketField.TimeLeft, "-5")), TicketErrorKind.Invalid, "cannot be negative");
        await AssertRefusedAsync(() => s.ApplyAsync(root, id, new AddWatcher(WatcherRole.Cc, WatcherRef.Address("not an address"))),
            TicketErrorKind.Invalid, "'not an address' is not an email address");
        await AssertRefusedAsync(() => s.ApplyAsync(root, id, new SetOwner(9999)), TicketErrorKind.Invalid, "no enabled user #9999");
    }

    [Fact]
    public async Task Creating_A_Ticket_In_An_Inactive_Status_Is_Refused()
    {
        await AssertRefusedAsync(async () => await s.CreateAsync(await s.RootAsync(), new NewTicket { QueueName = "General", Subject = "x", Status = "resolved" }),
            TicketErrorKind.Invalid, "cannot be created as 'resolved'");
    }
}
