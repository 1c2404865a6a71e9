using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Search;
using NocBoard.Tests.Support;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Search;

/// <summary>Content search runs on the FTS5 index, which triggers keep current within the same commit.</summary>
public class ContentIndexTests
{
    [Fact]
    public async Task Content_Search_Uses_The_Full_Text_Index_In_The_Same_Sql()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var sql = await s.InScopeAsync(async sp =>
            (await sp.GetRequiredService<TicketSearch>().QueryAsync("Content LIKE 'optics' AND Priority > 3", root)).ToQueryString());

        Assert.Contains("\"AttachmentsIndex\" MATCH", sql);
        Assert.Contains("\"Priority\" > ", sql);
        Assert.DoesNotContain("\"Content\" LIKE", sql);
        Assert.Contains("\"optics\" *", sql);   // the match text went in as a parameter

        // SQLite answers the MATCH from the FTS index, not by scanning the attachments.
        var plan = await s.DbAsync(db => QueryPlanAsync(db, "SELECT rowid FROM \"AttachmentsIndex\" WHERE \"AttachmentsIndex\" MATCH '\"optics\"'"));
        Assert.Contains(plan, step => step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Message_Is_Searchable_As_Soon_As_It_Is_Committed()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var ticket = (await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General", Subject = "Packet loss on the Frankfurt ring",
            Content = new TicketMessage("Loss on the ring since the zebracrossing maintenance."),
        })).EnsureSucceeded().Id;
        Assert.Equal([ticket], await FindAsync(s, "Content LIKE 'zebracrossing'"));
        Assert.Empty(await FindAsync(s, "Content LIKE 'quokka'"));

        await s.ApplyAsync(root, ticket, new Correspond(new TicketMessage("<p>A <b>quokka</b> chewed the patch cable.</p>", "text/html")));
        Assert.Equal([ticket], await FindAsync(s, "Content LIKE 'quokka'"));
        Assert.Equal([ticket], await FindAsync(s, "Content = 'patch cable'"));

        var indexed = await s.DbAsync(db => db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM \"AttachmentsIndex\"").SingleAsync());
        var bodies = await s.DbAsync(db => db.Attachments.CountAsync(a => a.FileName == null));
        Assert.Equal(bodies, indexed);
    }

    [Fact]
    public async Task Files_Are_Not_Indexed_And_Deleted_Messages_Leave_The_Index()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var ticket = (await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General", Subject = "Router config",
            Content = new TicketMessage("Config attached.") { Attachments = [new NewAttachment("r1.cfg", "text/plain", "hostname wombat"u8.ToArray())] },
        })).EnsureSucceeded().Id;
        Assert.Empty(await FindAsync(s, "Content LIKE 'wombat'"));
        Assert.Equal([ticket], await FindAsync(s, "Content LIKE 'config'"));

        await s.DbAsync(db => db.Attachments.Where(a => a.FileName == null).ExecuteDeleteAsync());
        Assert.Empty(await FindAsync(s, "Content LIKE 'config'"));
    }

    [Fact]
    public async Task Merged_Tickets_Bring_Their_Messages_And_A_Second_Requestor_Sees_Them()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var customer = await s.UserAsync("erin", privileged: false, email: "erin@customer.example");
        var first = (await s.CreateAsync(root, new NewTicket { QueueName = "General", Subject = "VPN down", Requestors = [WatcherRef.User(customer.Id)] }))
            .EnsureSucceeded().Id;
        var second = (await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General", Subject = "VPN still down", Content = new TicketMessage("The tunnel to site wallaby is down."),
        })).EnsureSucceeded().Id;
        await s.ApplyAsync(root, second, new Merge(first));

        Assert.Equal([first], await FindAsync(s, "Content LIKE 'wallaby'"));
        Assert.Equal([first], await FindAsync(s, "Content LIKE 'wallaby'", "erin"));
        await s.ApplyAsync(root, first, new Comment(new TicketMessage("Internal: wallaby site owes us money.")));
        await s.GrantAsync(Right.ShowTicketComments, role: RoleName.Requestor);
        Assert.Equal([first], await FindAsync(s, "Content = 'owes us money'", "erin"));
    }

    private static async Task<int[]> FindAsync(Scenario s, string query, string user = "root")
    {
        var actor = await s.ActorAsync(user);
        return await s.InScopeAsync(async sp =>
            (await sp.GetRequiredService<TicketSearch>().SearchAsync(query, actor)).Tickets.Select(t => t.Id).ToArray());
    }

    private static async Task<List<string>> QueryPlanAsync(NocDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
