using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>
/// Bad input and missing rights through the real rt client: each answered with an RT-style line
/// that says what was wrong, never a server error, and nothing written.
/// </summary>
public sealed partial class RtClientErrorTests(RtServer server) : IClassFixture<RtServer>
{
    [GeneratedRegex(@"# Ticket (\d+) created\.")]
    private static partial Regex Created();

    private Task<int> TicketAsync(string subject) => server.Scenario.TicketAsync(subject);

    private static void NoServerError(RtRun run)
    {
        Assert.DoesNotContain("Server error", run.Err);
        Assert.DoesNotContain("Malformed RT response", run.Err);
        Assert.DoesNotContain("failed", run.Err + run.Out);
    }

    [Fact]
    public async Task An_Unknown_Field_In_An_Edit_Is_Named_And_The_Other_Fields_Still_Apply()
    {
        var id = await TicketAsync("Edit with a typo");

        var run = await server.RtAsync("edit", $"ticket/{id}", "set", "bogusfield=1", "priority=7");
        NoServerError(run);
        Assert.Contains("# bogusfield: Unknown field.", run.Out);
        Assert.Contains($"# Ticket {id} updated.", run.Out);
        Assert.Contains("bogusfield: 1", run.Out); // the form is echoed for correcting
        Assert.Equal(7, (await server.Scenario.LoadTicketAsync(id)).Priority);
    }

    [Fact]
    public async Task A_Bad_Value_Refuses_The_Whole_Edit_And_Says_Why()
    {
        var id = await TicketAsync("Edit with a bad status");
        var before = await server.Scenario.LoadTicketAsync(id);

        var run = await server.RtAsync("edit", $"ticket/{id}", "set", "status=sleeping", "priority=9");
        NoServerError(run);
        Assert.Contains($"# Ticket {id} was not updated: 'sleeping' is not a status of lifecycle 'default'", run.Out);
        var after = await server.Scenario.LoadTicketAsync(id);
        Assert.Equal((before.Version, before.Priority, before.Status), (after.Version, after.Priority, after.Status));
    }

    [Fact]
    public async Task A_Create_With_An_Unknown_Field_Creates_Nothing()
    {
        var before = await server.Scenario.DbAsync(db => db.Tickets.CountAsync());

        var run = await server.RtAsync("create", "-t", "ticket", "set", "subject=Never made", "queue=General", "colour=red");
        NoServerError(run);
        Assert.Contains("# Could not create ticket.", run.Out);
        Assert.Contains("# colour: Unknown field", run.Out);
        Assert.Equal(before, await server.Scenario.DbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task A_Create_In_A_Queue_That_Does_Not_Exist_Is_Refused()
    {
        var run = await server.RtAsync("create", "-t", "ticket", "set", "subject=Lost", "queue=NoSuchQueue");
        NoServerError(run);
        Assert.Contains("# Could not create ticket.\n# There is no queue 'NoSuchQueue'.", run.Out);
        Assert.DoesNotMatch(Created(), run.Out);
    }

    [Fact]
    public async Task A_Ticket_That_Does_Not_Exist_Is_Said_To_Not_Exist()
    {
        var show = await server.RtAsync("show", "-s", "ticket/999999");
        Assert.Equal("# Ticket 999999 does not exist.\n", show.Out);

        var comment = await server.RtAsync("comment", "-m", "anyone?", "999999");
        NoServerError(comment);
        Assert.Contains("rt: # Ticket 999999 does not exist.", comment.Err);

        var edit = await server.RtAsync("edit", "ticket/999999", "set", "status=open");
        Assert.Contains("# Ticket 999999 does not exist.", edit.Out);
    }

    [Fact]
    public async Task A_Bad_Object_Id_Is_A_Bad_Request()
    {
        var run = await server.RtAsync("show", "-s", "ticket/abc");
        NoServerError(run);
        Assert.Contains("Invalid object ID specified: 'ticket/abc'", run.Err + run.Out);
    }

    [Fact]
    public async Task A_User_Without_Rights_Is_Told_Which_Right_Is_Missing_And_Nothing_Changes()
    {
        var id = await TicketAsync("Read only for the watcher");
        var footprint = await server.Scenario.FootprintAsync();

        var edit = await server.RtAsAsync("watcher", RtServer.AgentPassword, "edit", $"ticket/{id}", "set", "priority=80");
        NoServerError(edit);
        Assert.Contains($"# You may not change Priority on ticket #{id}: it needs the ModifyTicket right.", edit.Out);

        var note = await server.RtAsAsync("watcher", RtServer.AgentPassword, "comment", "-m", "hello", id.ToString());
        NoServerError(note);
        Assert.Contains($"rt: # You may not comment on ticket #{id}: it needs the CommentOnTicket right.", note.Err);

        var take = await server.RtAsAsync("watcher", RtServer.AgentPassword, "take", id.ToString());
        Assert.Contains("rt: # You may not take it", take.Err);

        var resolve = await server.RtAsAsync("watcher", RtServer.AgentPassword, "resolve", id.ToString());
        Assert.Contains($"# You may not change the status to resolved on ticket #{id}: it needs the ModifyTicket right.", resolve.Out);

        Assert.Equal(footprint, await server.Scenario.FootprintAsync());
    }

    [Fact]
    public async Task A_Ticket_In_A_Queue_One_May_Not_See_Does_Not_Exist_For_Them()
    {
        var secret = await server.Scenario.QueueAsync("Secret-" + Guid.NewGuid().ToString("N")[..6]);
        var id = await server.Scenario.TicketAsync("Hidden", secret);

        var show = await server.RtAsync("show", "-s", $"ticket/{id}");
        Assert.Equal($"# Ticket {id} does not exist.\n", show.Out);
        var search = await server.RtAsync("ls", "-i", $"id = {id}");
        Assert.Equal("", search.Out);
    }

    [Fact]
    public async Task Bad_TicketSQL_Is_Reported_With_The_Parser_Message()
    {
        var run = await server.RtAsync("ls", "-s", "Nonsense LIKE");
        NoServerError(run);
        Assert.Contains("rt: Invalid query: 'Unknown field 'Nonsense' at position 0.", run.Err);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_Wrong_Password_Is_Refused_As_RT_Does()
    {
        // A user who never logged in here, so the client has no session to fall back on.
        var name = "pw" + Guid.NewGuid().ToString("N")[..10];
        await server.Scenario.UserAsync(name, password: RtServer.AgentPassword);
        var run = await server.RtAsAsync(name, "not-the-password", "ls", "-i", "id = 1");
        Assert.Contains("rt: Incorrect username or password.", run.Err);
        Assert.NotEqual(0, run.ExitCode);
    }
}
