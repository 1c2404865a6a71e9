using System.Text;
using NocBoard.Accounts.Rights;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>
/// <c>rt show ticket/N/attachments[/A[/content]]</c> with the real rt client: the list, one
/// attachment's form, its bytes unchanged, and only what the caller may read in the history.
/// </summary>
public sealed class RtAttachmentsTests(RtServer server) : IClassFixture<RtServer>
{
    private static readonly byte[] Trace = [0, 1, 2, 255, 254, (byte)'\n', 0x89, (byte)'P', (byte)'N', (byte)'G'];

    /// <summary>A ticket whose reply carries a text and a binary file, and whose comment carries a file of its own.</summary>
    private async Task<(int Ticket, Attachment Log, Attachment Binary, Attachment Note)> ArrangeAsync(string subject)
    {
        var s = server.Scenario;
        var root = await s.RootAsync();
        var id = await s.TicketAsync(subject, await s.GeneralQueueIdAsync());
        (await s.ApplyAsync(root, id, new Correspond(new TicketMessage("Captures attached.")
        {
            Attachments = [new NewAttachment("flap.log", "text/plain", Encoding.UTF8.GetBytes("uplink flap log line 1\n")),
                new NewAttachment("trace.pcap", "application/vnd.tcpdump.pcap", Trace)],
        }))).EnsureSucceeded();
        (await s.ApplyAsync(root, id, new Comment(new TicketMessage("Internal: optics readings")
        {
            Attachments = [new NewAttachment("optics.txt", "text/plain", Encoding.UTF8.GetBytes("rx -31 dBm"))],
        }))).EnsureSucceeded();
        var files = (await s.TransactionsAsync(id)).SelectMany(t => t.Attachments).Where(a => !a.IsBody).ToList();
        return (id, files.Single(a => a.FileName == "flap.log"), files.Single(a => a.FileName == "trace.pcap"), files.Single(a => a.FileName == "optics.txt"));
    }

    [Fact]
    public async Task The_List_Names_Every_Attachment_With_Its_Type_And_Size()
    {
        var (id, log, binary, note) = await ArrangeAsync("Attachments list");

        var run = await server.RtAsync("show", "-s", $"ticket/{id}/attachments");

        Assert.True(run.ExitCode == 0, run.ToString());
        // A list over several lines is a multi-line value: RT sets it off with a blank line.
        Assert.StartsWith($"id: ticket/{id}/attachments\n\nAttachments: ", run.Out);
        Assert.Contains($"{log.Id}: flap.log (text/plain / 23b)", run.Out);
        Assert.Contains($"{binary.Id}: trace.pcap (application/vnd.tcpdump.pcap / 10b)", run.Out);
        Assert.Contains($"{note.Id}: optics.txt (text/plain / 10b)", run.Out);
        Assert.Matches(@": \(Unnamed\) \(text/plain / \d+b\)", run.Out); // the message bodies, as RT lists them

        var pretty = await server.RtAsync("show", $"ticket/{id}/attachments");
        Assert.Contains($"{log.Id}: flap.log (text/plain / 23b)", pretty.Out);
    }

    [Fact]
    public async Task One_Attachment_Shows_Its_Metadata_And_Text()
    {
        var (id, log, _, _) = await ArrangeAsync("Attachment metadata");

        var run = await server.RtAsync("show", "-s", $"ticket/{id}/attachments/{log.Id}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"id: {log.Id}\nSubject: \nCreator: {(await server.Scenario.RootAsync()).Id}\nCreated: ", run.Out);
        Assert.Contains($"Transaction: {log.TransactionId}\nParent: 0\n", run.Out);
        Assert.Contains("Filename: flap.log\nContentType: text/plain\nContentEncoding: none\n", run.Out);
        Assert.Contains("Content: uplink flap log line 1\n", run.Out);
    }

    [Fact]
    public async Task Content_Comes_Out_Byte_For_Byte_For_Text_And_Binary_Files()
    {
        var (id, log, binary, _) = await ArrangeAsync("Attachment content");

        var text = await server.RtAsync("show", $"ticket/{id}/attachments/{log.Id}/content");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal("uplink flap log line 1\n", text.Out);

        var bytes = await server.RtAsync("show", $"ticket/{id}/attachments/{binary.Id}/content");
        Assert.True(bytes.ExitCode == 0, bytes.ToString());
        Assert.Equal(Trace, bytes.OutBytes);
    }

    [Fact]
    public async Task A_Comments_File_Is_Unknown_To_Those_Who_May_Not_See_Comments()
    {
        var (id, log, _, note) = await ArrangeAsync("Attachment rights");

        // watcher has ShowTicket but not ShowTicketComments.
        var list = await server.RtAsAsync("watcher", RtServer.AgentPassword, "show", "-s", $"ticket/{id}/attachments");
        Assert.Contains($"{log.Id}: flap.log", list.Out);
        Assert.DoesNotContain("optics.txt", list.Out);

        var meta = await server.RtAsAsync("watcher", RtServer.AgentPassword, "show", "-s", $"ticket/{id}/attachments/{note.Id}");
        Assert.Equal($"# Invalid attachment id: {note.Id}\n", meta.Out);
        var content = await server.RtAsAsync("watcher", RtServer.AgentPassword, "show", $"ticket/{id}/attachments/{note.Id}/content");
        Assert.Equal($"# Invalid attachment id: {note.Id}\n", content.Out);
        Assert.DoesNotContain("rx -31", content.Out);

        var own = await server.RtAsync("show", $"ticket/{id}/attachments/{note.Id}/content");
        Assert.Equal("rx -31 dBm\n", own.Out);
    }

    [Fact]
    public async Task A_Hidden_Ticket_Does_Not_Exist_And_Another_Tickets_File_Is_Not_Served_Through_This_One()
    {
        var s = server.Scenario;
        var (id, _, binary, _) = await ArrangeAsync("Attachment of a visible ticket");
        var secretQueue = await s.QueueAsync($"Secret-{Guid.NewGuid():N}");
        var hidden = await s.TicketAsync("Hidden ticket", secretQueue);
        (await s.ApplyAsync(await s.RootAsync(), hidden, new Correspond(new TicketMessage("x")
        {
            Attachments = [new NewAttachment("hidden.txt", "text/plain", Encoding.UTF8.GetBytes("classified"))],
        }))).EnsureSucceeded();
        var hiddenFile = (await s.TransactionsAsync(hidden)).SelectMany(t => t.Attachments).Single(a => a.FileName == "hidden.txt");

        var list = await server.RtAsync("show", "-s", $"ticket/{hidden}/attachments");
        Assert.Equal($"# Ticket {hidden} does not exist.\n", list.Out);
        var content = await server.RtAsync("show", $"ticket/{hidden}/attachments/{hiddenFile.Id}/content");
        Assert.Equal($"# Ticket {hidden} does not exist.\n", content.Out);

        var throughVisible = await server.RtAsync("show", $"ticket/{id}/attachments/{hiddenFile.Id}/content");
        Assert.Equal($"# Invalid attachment id: {hiddenFile.Id}\n", throughVisible.Out);
        Assert.DoesNotContain("classified", throughVisible.Out);

        var notANumber = await server.RtAsync("show", "-s", $"ticket/{id}/attachments/{binary.Id}x");
        Assert.Contains("Invalid attachment id", notANumber.Out + notANumber.Err);
    }
}
