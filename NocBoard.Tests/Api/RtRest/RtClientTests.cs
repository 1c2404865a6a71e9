using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>The commands an RT user types, run with the real rt client against NocBoard, checked in its output and in the tickets.</summary>
public sealed partial class RtClientTests(RtServer server) : IClassFixture<RtServer>
{
    [GeneratedRegex(@"# Ticket (\d+) created\.")]
    private static partial Regex Created();

    private async Task<int> CreateAsync(string subject)
    {
        var run = await server.RtAsync("create", "-t", "ticket", "set", $"subject={subject}", "queue=General");
        var m = Created().Match(run.Out);
        Assert.True(m.Success, run.ToString());
        return int.Parse(m.Groups[1].Value);
    }

    [Fact]
    public async Task Create_Makes_The_Ticket_With_Its_Fields_And_First_Message_And_Prints_Its_Number()
    {
        var run = await server.RtAsync("create", "-t", "ticket", "set", "subject=Core switch sw1 down", "queue=General",
            "priority=50", "requestor=noc@example.net", "text=Ping loss 100% from mon1");

        Assert.Equal(0, run.ExitCode);
        var id = int.Parse(Created().Match(run.Out).Groups[1].Value);
        var ticket = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal("Core switch sw1 down", ticket.Subject);
        Assert.Equal(50, ticket.Priority);
        Assert.Equal("new", ticket.Status);
        Assert.Equal(server.Alice.Id, ticket.CreatorId);
        Assert.Equal("noc@example.net", Assert.Single(ticket.Watchers, w => w.Role == WatcherRole.Requestor).Email);
        var create = Assert.Single(await server.Scenario.TransactionsAsync(id));
        Assert.Equal(TransactionType.Create, create.Type);
        Assert.Equal("Ping loss 100% from mon1", System.Text.Encoding.UTF8.GetString(create.Attachments.Single().Content));
    }

    [Fact]
    public async Task Show_Prints_The_Ticket_As_RT_Does()
    {
        var id = await CreateAsync("Fibre cut at POP-7");

        var pretty = await server.RtAsync("show", $"ticket/{id}");
        Assert.Contains($"Subject: [rt #ticket/{id}] Fibre cut at POP-7", pretty.Out);
        Assert.Contains("X-Queue: General", pretty.Out);

        var full = await server.RtAsync("show", "-s", $"ticket/{id}");
        Assert.Matches($@"(?m)^id: ticket/{id}\nQueue: General\nOwner: Nobody\nCreator: alice\nSubject: Fibre cut at POP-7\nStatus: new\n", full.Out);
        Assert.Matches(@"(?m)^Created: \w{3} \w{3} \d\d \d\d:\d\d:\d\d \d{4}$", full.Out);
        Assert.Contains("Resolved: Not set", full.Out);

        var some = await server.RtAsync("show", $"ticket/{id}", "-f", "id,subject,status,requestors");
        Assert.Equal($"id: ticket/{id}\nSubject: Fibre cut at POP-7\nStatus: new\nRequestors: alice@noc.example.net\n", some.Out);
    }

    [Fact]
    public async Task Ls_Finds_Tickets_By_TicketSQL_In_Every_Format_And_Order()
    {
        var first = await CreateAsync("ls-check BGP flap edge1");
        var second = await CreateAsync("ls-check BGP flap edge2");
        await server.Scenario.ApplyAsync(await server.Scenario.RootAsync(), second, new SetStatus("open"));
        var query = "Queue='General' AND Subject LIKE 'ls-check'";

        var table = await server.RtAsync("ls", query + " AND Status='new'");
        Assert.Contains($"{first} ", table.Out);
        Assert.Contains("ls-check BGP flap edge1", table.Out);
        Assert.DoesNotContain("edge2", table.Out);

        var shortList = await server.RtAsync("ls", "-s", "-o", "-id", query);
        Assert.Equal($"{second}: ls-check BGP flap edge2\n{first}: ls-check BGP flap edge1\n", shortList.Out);

        var ids = await server.RtAsync("ls", "-i", query);
        Assert.Equal($"ticket/{first}\nticket/{second}\n", ids.Out);

        var fields = await server.RtAsync("ls", "-f", "subject,status", query);
        Assert.Equal($"id\tSubject\tStatus\n{first}\tls-check BGP flap edge1\tnew\n{second}\tls-check BGP flap edge2\topen\n", fields.Out);

        var none = await server.RtAsync("ls", "-s", "Subject LIKE 'no such subject anywhere'");
        Assert.Equal("No matching results.\n", none.Out);
    }

    [Fact]
    public async Task Edit_And_Resolve_Change_The_Ticket_Through_The_Write_Path()
    {
        var id = await CreateAsync("Packet loss on uplink");

        var edit = await server.RtAsync("edit", $"ticket/{id}", "set", "status=open", "priority=60", "subject=Packet loss on uplink 2");
        Assert.Contains($"# Ticket {id} updated.", edit.Out);
        var ticket = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal(("open", 60, "Packet loss on uplink 2"), (ticket.Status, ticket.Priority, ticket.Subject));

        var resolve = await server.RtAsync("resolve", id.ToString());
        Assert.Contains($"# Ticket {id} updated.", resolve.Out);
        ticket = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal("resolved", ticket.Status);
        Assert.NotNull(ticket.Resolved);
        Assert.Contains(await server.Scenario.TransactionsAsync(id), t => t is { Type: TransactionType.Status, NewValue: "resolved" } && t.ActorId == server.Alice.Id);
    }

    [Fact]
    public async Task Comment_And_Correspond_Record_Messages_With_Attachments_And_Time()
    {
        var id = await CreateAsync("Optics alarm on sw3");
        var file = Path.Combine(Path.GetTempPath(), $"flap-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "uplink flap log line 1\n");
        try
        {
            var correspond = await server.RtAsync("correspond", "-m", "We are on it.", "-a", file, id.ToString());
            Assert.Equal("# Correspondence added\n", correspond.Out);
            var comment = await server.RtAsync("comment", "-m", "Internal: check optics", "-w", "5", id.ToString());
            Assert.Equal("# Comments added\n", comment.Out);
        }
        finally
        {
            File.Delete(file);
        }

        var history = await server.Scenario.TransactionsAsync(id);
        var reply = Assert.Single(history, t => t.Type == TransactionType.Correspond);
        Assert.Equal("We are on it.", System.Text.Encoding.UTF8.GetString(reply.Attachments.First(a => a.IsBody).Content));
        var attached = Assert.Single(reply.Attachments, a => !a.IsBody);
        Assert.Equal(Path.GetFileName(file), attached.FileName);
        Assert.Equal("uplink flap log line 1\n", System.Text.Encoding.UTF8.GetString(attached.Content));
        var note = Assert.Single(history, t => t.Type == TransactionType.Comment);
        Assert.Equal(5, note.TimeTaken);
        var ticket = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal(5, ticket.TimeWorked);
        Assert.Equal("open", ticket.Status); // the first staff reply opens a new ticket
    }

    [Fact]
    public async Task Take_And_Untake_Change_The_Owner()
    {
        var id = await CreateAsync("Who takes this");

        var take = await server.RtAsync("take", id.ToString());
        Assert.Equal("# Owner changed from Nobody to alice\n", take.Out);
        Assert.Equal(server.Alice.Id, (await server.Scenario.LoadTicketAsync(id)).OwnerId);

        var untake = await server.RtAsync("untake", id.ToString());
        Assert.Equal("# Owner changed from alice to Nobody\n", untake.Out);
        Assert.Null((await server.Scenario.LoadTicketAsync(id)).OwnerId);
    }

    [Fact]
    public async Task Give_Subject_And_Steal_Work_As_Edits_Of_Owner_And_Subject()
    {
        var id = await CreateAsync("Give me away");

        var give = await server.RtAsync("give", id.ToString(), "root");
        Assert.Contains($"Executing: rt edit {id} set owner=root", give.Out);
        Assert.Contains($"# Ticket {id} updated.", give.Out);
        var subject = await server.RtAsync("subject", id.ToString(), "Given", "away");
        Assert.Contains($"# Ticket {id} updated.", subject.Out);
        var ticket = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal(((int?)(await server.Scenario.RootAsync()).Id, "Given away"), (ticket.OwnerId, ticket.Subject));

        // Alice may take unowned tickets, but not steal root's.
        var steal = await server.RtAsync("steal", id.ToString());
        Assert.Contains($"rt: # You may not steal it on ticket #{id}: it needs the StealTicket right.", steal.Err);
        var take = await server.RtAsync("take", id.ToString());
        Assert.Contains("rt: # You can only take tickets that are unowned", take.Err);
    }

    [Fact]
    public async Task Link_Shows_And_Deletes_Links_Between_Tickets()
    {
        var a = await CreateAsync("Customer ACME reports outage");
        var b = await CreateAsync("Core router down");

        var link = await server.RtAsync("link", a.ToString(), "dependson", b.ToString());
        Assert.Equal($"Ticket {a} depends on Ticket {b}. Created link {a} DependsOn {b}\n", link.Out);
        Assert.True(await server.Scenario.DbAsync(db => db.Links.AnyAsync(l => l.Type == LinkType.DependsOn && l.BaseId == a && l.TargetId == b)));

        var shown = await server.RtAsync("show", $"ticket/{a}/links");
        Assert.Equal($"id: ticket/{a}/links\nDependsOn: fsck.com-rt://example.net/ticket/{b}\n", shown.Out);
        var reverse = await server.RtAsync("show", $"ticket/{b}/links");
        Assert.Contains($"DependedOnBy: fsck.com-rt://example.net/ticket/{a}", reverse.Out);

        var unlink = await server.RtAsync("link", "-d", a.ToString(), "dependson", b.ToString());
        Assert.Contains($"Deleted link {a} DependsOn {b}", unlink.Out);
        Assert.False(await server.Scenario.DbAsync(db => db.Links.AnyAsync(l => l.BaseId == a && l.TargetId == b)));
    }

    [Fact]
    public async Task Merge_Folds_One_Ticket_Into_The_Other()
    {
        var a = await CreateAsync("Duplicate report");
        var b = await CreateAsync("Original report");

        var merge = await server.RtAsync("merge", a.ToString(), b.ToString());
        Assert.Equal("# Merge completed.\n", merge.Out);
        Assert.Equal(b, (await server.Scenario.LoadTicketAsync(a)).EffectiveId);
        var shown = await server.RtAsync("show", "-s", $"ticket/{a}", "-f", "id,subject");
        Assert.Contains($"id: ticket/{b}\nSubject: Original report", shown.Out);
    }

    [Fact]
    public async Task History_Lists_Transactions_And_Shows_One_With_Its_Content()
    {
        var id = await CreateAsync("History check");
        await server.RtAsync("correspond", "-m", "First line\nsecond line", id.ToString());
        var reply = (await server.Scenario.TransactionsAsync(id)).Single(t => t.Type == TransactionType.Correspond);

        var list = await server.RtAsync("show", "-s", $"ticket/{id}/history");
        Assert.Matches(@"^# \d+/\d+ \(/total\)\n\n\d+: Ticket created by alice\n", list.Out);
        Assert.Contains($"{reply.Id}: Correspondence added by alice", list.Out);

        var one = await server.RtAsync("show", "-l", $"ticket/{id}/history/id/{reply.Id}");
        Assert.Contains($"id: {reply.Id}\nTicket: {id}\nTimeTaken: 0\nType: Correspond\n", one.Out);
        Assert.Contains("Content: First line\n         second line\n", one.Out);
        Assert.Contains("Creator: alice", one.Out);

        var pretty = await server.RtAsync("show", id.ToString());
        Assert.Contains("===> Correspondence added by alice on ", pretty.Out);
        Assert.Contains("First line\nsecond line", pretty.Out);
    }

    [Fact]
    public async Task Users_And_Queues_Can_Be_Shown()
    {
        var user = await server.RtAsync("show", "user/alice");
        Assert.Contains($"id: user/{server.Alice.Id}\nName: alice\nPassword: ********\nEmailAddress: alice@noc.example.net\n", user.Out);

        var queue = await server.RtAsync("show", "queue/General");
        Assert.Contains("Name: General", queue.Out);
        Assert.Contains("Lifecycle: default", queue.Out);
    }
}
