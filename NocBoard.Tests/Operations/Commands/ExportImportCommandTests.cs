using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Operations.Commands;

/// <summary>
/// export and import as processes: a database exported, imported into an empty one and exported
/// again gives the same archive, table by table and file by file.
/// </summary>
public sealed class ExportImportCommandTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "nocboard-archive", Guid.NewGuid().ToString("N"));

    private string Folder(string name) => Path.Combine(scratch, name);

    /// <summary>A database with something in most tables: tickets with messages and files, links, watchers, custom fields, a merge, groups and grants.</summary>
    private async Task ArrangeSourceAsync(string data)
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data });
        var root = await s.RootAsync();
        var agent = await s.UserAsync("agent", email: "agent@noc.example.net");
        var general = await s.GeneralQueueIdAsync();
        var outages = await s.QueueAsync("Outages");
        var group = await s.GroupAsync("NOC shift", agent);
        await s.GrantAsync(Right.OwnTicket, outages, groupId: group);
        var site = await s.CustomFieldAsync("Site", CustomFieldType.SelectOne, values: ["FRA", "AMS"]);

        var first = (await s.CreateAsync(root, new NewTicket
        {
            QueueId = outages, Subject = "Core switch sw1 down – Zürich ümlaut", Priority = 50,
            Requestors = [WatcherRef.Address("noc@example.net")],
            CustomFields = new Dictionary<int, IReadOnlyList<string>> { [site] = ["FRA"] },
            Content = new TicketMessage("Ping loss 100%\nfrom mon1")
            {
                Attachments = [new NewAttachment("trace.bin", "application/octet-stream", [0, 1, 2, 255, 254])],
            },
        })).EnsureSucceeded().Id;
        var second = await s.TicketAsync("Customer ACME reports outage", general);
        var third = await s.TicketAsync("Duplicate of the outage", general);
        (await s.ApplyAsync(root, second, new AddLink(LinkKind.DependsOn, first))).EnsureSucceeded();
        (await s.ApplyAsync(root, first, new Comment(new TicketMessage("Internal: optics") { TimeTaken = 5 }), new SetStatus("open"))).EnsureSucceeded();
        (await s.ApplyAsync(root, third, new Merge(second))).EnsureSucceeded();
    }

    private static Dictionary<string, byte[]> Entries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Where(e => e.FullName != "manifest.json").ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    [Fact]
    public async Task Export_Then_Import_Into_An_Empty_Database_Gives_The_Same_Data_Table_By_Table()
    {
        var source = Folder("source");
        await ArrangeSourceAsync(source);

        var first = Folder("first.zip");
        var export = await NocCommand.RunAsync(source, "export", first);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Matches(@"Exported \d+ rows of \d+ tables \(schema \d+_\w+\) to ", export.Out);

        var target = Folder("target");
        var import = await NocCommand.RunAsync(target, "import", first);
        Assert.True(import.ExitCode == 0, import.ToString());

        var second = Folder("second.zip");
        Assert.Equal(0, (await NocCommand.RunAsync(target, "export", second)).ExitCode);

        var before = Entries(first);
        var after = Entries(second);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, content) in before)
            Assert.True(content.AsSpan().SequenceEqual(after[name]), $"{name} differs after the round trip");

        // The archive is really the data: every table with rows, files as files.
        Assert.Contains("tables/Tickets.jsonl", before.Keys);
        Assert.Equal(3, System.Text.Encoding.UTF8.GetString(before["tables/Tickets.jsonl"]).Trim().Split('\n').Length);
        Assert.Contains(before, e => e.Key.StartsWith("blobs/Attachments/") && e.Value.SequenceEqual(new byte[] { 0, 1, 2, 255, 254 }));
        Assert.Contains("Zürich ümlaut", System.Text.Encoding.UTF8.GetString(before["tables/Tickets.jsonl"]));

        // And the imported database works as the source did: the app reads it through its services.
        await using var imported = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = target });
        var ticket = await imported.LoadTicketAsync(1);
        Assert.Equal(("open", 50), (ticket.Status, ticket.Priority));
        Assert.Equal("noc@example.net", ticket.Watchers.Single().Email);
        Assert.Equal(2, (await imported.LoadTicketAsync(3)).EffectiveId);
        var history = await imported.TransactionsAsync(1);
        Assert.Contains(history, t => t.Type == TransactionType.Comment && t.TimeTaken == 5);
        Assert.True(await imported.DbAsync(db => db.Links.AnyAsync(l => l.Type == LinkType.DependsOn && l.BaseId == 2 && l.TargetId == 1)));
    }

    [Fact]
    public async Task Import_Refuses_A_Database_That_Is_Not_Empty_And_Changes_Nothing()
    {
        var source = Folder("source");
        await ArrangeSourceAsync(source);
        var archive = Folder("a.zip");
        Assert.Equal(0, (await NocCommand.RunAsync(source, "export", archive)).ExitCode);
        var before = await NocCommand.RunAsync(source, "export", Folder("before.zip"));

        var import = await NocCommand.RunAsync(source, "import", archive);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("The database is not empty", import.Err);
        Assert.Equal(0, (await NocCommand.RunAsync(source, "export", Folder("after.zip"))).ExitCode);
        var (b, a) = (Entries(Folder("before.zip")), Entries(Folder("after.zip")));
        Assert.Equal(b.Keys.Order(), a.Keys.Order());
        Assert.All(b, e => Assert.True(e.Value.AsSpan().SequenceEqual(a[e.Key]), e.Key));
        Assert.Equal(0, before.ExitCode);
    }

    [Fact]
    public async Task Import_Of_Something_That_Is_Not_An_Archive_Is_Refused()
    {
        var bogus = Folder("bogus.zip");
        Directory.CreateDirectory(scratch);
        using (var zip = ZipFile.Open(bogus, ZipArchiveMode.Create)) zip.CreateEntry("readme.txt");

        var import = await NocCommand.RunAsync(Folder("target"), "import", bogus);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("This is not a NocBoard archive (no manifest.json).", import.Err);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
    }
}
