using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NocBoard.CustomFields;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Api.ApiArrange;

namespace NocBoard.Tests.Api.Tickets;

public sealed class TicketEndpointsTests : IAsyncLifetime
{
    private Scenario s = null!;
    private HttpClient root = null!;

    public async Task InitializeAsync()
    {
        s = await Scenario.StartAsync();
        root = await s.RootClientAsync();
    }

    public async Task DisposeAsync() => await s.DisposeAsync();

    [Fact]
    public async Task Create_Answers_201_With_Location_ETag_And_The_Ticket_As_Stored()
    {
        var alice = await s.UserAsync("alice", email: "alice@noc.example");
        var response = await root.PostAsync("/api/v1/tickets", JsonBody($$"""
            {"queue":"General","subject":"Fibre cut Hamburg","priority":40,"ownerId":{{(await s.RootAsync()).Id}},
             "requestors":["customer@example.net","alice"],"cc":["{{alice.Id}}"],"content":"Both links down since 09:12.","timeEstimated":30}
            """));
        var ticket = await response.OkJsonAsync(HttpStatusCode.Created);
        var id = ticket.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/tickets/{id}", response.Headers.Location!.ToString());
        Assert.Equal($"\"{id}.{ticket.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.ToString());
        Assert.Equal("Fibre cut Hamburg", ticket.GetProperty("subject").GetString());
        Assert.Equal("General", ticket.GetProperty("queue").GetString());
        Assert.Equal("root", ticket.GetProperty("owner").GetString());
        Assert.Equal(2, ticket.GetProperty("requestors").GetArrayLength());
        Assert.Equal("alice", ticket.GetProperty("cc")[0].GetProperty("name").GetString());

        var stored = await s.LoadTicketAsync(id);
        Assert.Equal(40, stored.Priority);
        Assert.Equal(30, stored.TimeEstimated);
        var history = await s.TransactionsAsync(id);
        Assert.Equal("Both links down since 09:12.", System.Text.Encoding.UTF8.GetString(history[0].Attachments[0].Content));
    }

    [Fact]
    public async Task Create_Refused_By_Rights_Is_403_And_Writes_Nothing()
    {
        var bob = await s.UserAsync("bob");
        await s.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(
            System.Linq.Queryable.Where(db.RightGrants, g => g.Right == "CreateTicket")));
        await s.GrantAsync("SeeQueue", user: bob);
        var before = await s.FootprintAsync();
        var client = await s.ClientAsync(bob);
        var problem = await (await client.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x"}"""))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("CreateTicket", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task Create_With_An_Unknown_Requestor_Name_Names_The_Field()
    {
        await (await root.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x","requestors":["a@b.example","nobody-such"]}""")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "requestors[1]");
        await (await root.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"x"}"""))).ProblemAsync(HttpStatusCode.BadRequest, "queueId");
    }

    [Fact]
    public async Task Get_Reads_A_Ticket_With_Its_ETag_And_Follows_Merges()
    {
        var a = await root.CreateTicketAsync("A");
        var b = await root.CreateTicketAsync("B");
        var response = await root.GetAsync($"/api/v1/tickets/{a}");
        var ticket = await response.OkJsonAsync();
        Assert.Equal("A", ticket.GetProperty("subject").GetString());
        Assert.Equal($"\"{a}.{ticket.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.ToString());

        var merged = await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{a}/merge", new { into = b })).OkJsonAsync();
        Assert.Equal(b, merged.GetProperty("id").GetInt32());
        Assert.Equal(b, (await (await root.GetAsync($"/api/v1/tickets/{a}")).OkJsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(b, (await s.LoadTicketAsync(a)).EffectiveId);
    }

    [Fact]
    public async Task Patch_Changes_Fields_Status_Owner_And_Custom_Fields_In_One_Commit()
    {
        var field = await s.CustomFieldAsync("Circuit", CustomFieldType.Text);
        var id = await root.CreateTicketAsync();
        var rootId = (await s.RootAsync()).Id;
        var ticket = await (await root.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{id}", new
        {
            subject = "BGP flapping at FRA-2", priority = 70, due = "2030-01-02T03:04:05Z", status = "open", ownerId = rootId,
            customFields = new Dictionary<string, string[]> { [field.ToString()] = ["FRA-HAM-01"] },
        })).OkJsonAsync();
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal("FRA-HAM-01", ticket.GetProperty("customFields").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == field).GetProperty("values")[0].GetString());
        var stored = await s.LoadTicketAsync(id);
        Assert.Equal(("BGP flapping at FRA-2", 70, rootId, 2), (stored.Subject, stored.Priority, stored.OwnerId!.Value, stored.Version));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), stored.Due);
    }

    [Fact]
    public async Task Patch_With_One_Bad_Change_Writes_Nothing()
    {
        var id = await root.CreateTicketAsync();
        var before = await s.FootprintAsync();
        await (await root.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{id}", new { priority = 50, status = "no-such-status" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task Status_Owner_Queue_Priority_And_Time_Worked_Each_Have_An_Endpoint()
    {
        var id = await root.CreateTicketAsync();
        var outages = await s.QueueAsync("Outages");
        var rootId = (await s.RootAsync()).Id;
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/status", new { status = "open" })).OkJsonAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/owner", new { ownerId = rootId })).OkJsonAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/queue", new { queueId = outages })).OkJsonAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 90 })).OkJsonAsync();
        var ticket = await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{id}/time-worked", new { minutes = 25 })).OkJsonAsync();
        Assert.Equal(25, ticket.GetProperty("timeWorked").GetInt32());
        var stored = await s.LoadTicketAsync(id);
        Assert.Equal(("open", rootId, outages, 90, 25), (stored.Status, stored.OwnerId!.Value, stored.QueueId, stored.Priority, stored.TimeWorked));

        var untaken = await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/owner", new { ownerId = (int?)null })).OkJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, untaken.GetProperty("ownerId").ValueKind);
    }

    [Fact]
    public async Task Correspond_And_Comment_Take_Json_And_Multipart_With_Files_That_Download()
    {
        var id = await root.CreateTicketAsync();
        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{id}/correspond", new { content = "We are on it.", timeTaken = 5 })).OkJsonAsync();

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("Config diff attached."), "content");
        var file = new ByteArrayContent("interface xe-0/0/1\n disable\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "attachment", "diff.txt");
        var ticket = await (await root.PostAsync($"/api/v1/tickets/{id}/comment", form)).OkJsonAsync();
        Assert.Equal(5, ticket.GetProperty("timeWorked").GetInt32());

        var history = await (await root.GetAsync($"/api/v1/tickets/{id}/history")).OkJsonAsync();
        var types = history.EnumerateArray().Select(t => t.GetProperty("type").GetString()).ToList();
        Assert.Contains("Correspond", types);
        var comment = history.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "Comment");
        Assert.Equal("Config diff attached.", comment.GetProperty("attachments")[0].GetProperty("content").GetString());
        var attachment = comment.GetProperty("attachments")[1];
        Assert.Equal("diff.txt", attachment.GetProperty("fileName").GetString());

        var download = await root.GetAsync($"/api/v1/attachments/{attachment.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("interface xe-0/0/1\n disable\n", await download.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Comments_And_Their_Files_Are_Hidden_Without_ShowTicketComments()
    {
        var id = await root.CreateTicketAsync();
        using var form = new MultipartFormDataContent { { new StringContent("internal"), "content" }, { new ByteArrayContent([1, 2, 3]), "attachment", "secret.bin" } };
        await (await root.PostAsync($"/api/v1/tickets/{id}/comment", form)).OkJsonAsync();
        var fileId = (await s.TransactionsAsync(id)).Single(t => t.Type == NocBoard.Tickets.TransactionType.Comment).Attachments.Single(a => a.FileName != null).Id;

        var carol = await s.UserAsync("carol");
        await s.GrantAllAsync(carol, null, "SeeQueue", "ShowTicket");
        var client = await s.ClientAsync(carol);
        var history = await (await client.GetAsync($"/api/v1/tickets/{id}/history")).OkJsonAsync();
        Assert.DoesNotContain(history.EnumerateArray(), t => t.GetProperty("type").GetString() == "Comment");
        await (await client.GetAsync($"/api/v1/attachments/{fileId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Links_Are_Added_Listed_From_Both_Sides_And_Removed()
    {
        var a = await root.CreateTicketAsync("A");
        var b = await root.CreateTicketAsync("B");
        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{a}/links", new { kind = "DependsOn", ticket = b })).OkJsonAsync();
        var links = await (await root.GetAsync($"/api/v1/tickets/{b}/links")).OkJsonAsync();
        Assert.Equal("DependedOnBy", links[0].GetProperty("kind").GetString());
        Assert.Equal(a, links[0].GetProperty("ticketId").GetInt32());
        Assert.Equal("A", links[0].GetProperty("subject").GetString());

        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{b}/links", new { kind = "DependsOn", ticket = a })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await root.DeleteAsync($"/api/v1/tickets/{a}/links/DependsOn/{b}")).OkJsonAsync();
        Assert.Equal(0, (await (await root.GetAsync($"/api/v1/tickets/{a}/links")).OkJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Watchers_Are_Added_Listed_And_Removed()
    {
        var alice = await s.UserAsync("alice");
        var id = await root.CreateTicketAsync();
        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{id}/watchers", new { role = "Cc", watcher = "noc@peer.example" })).OkJsonAsync();
        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{id}/watchers", new { role = "AdminCc", watcher = "alice" })).OkJsonAsync();
        var watchers = await (await root.GetAsync($"/api/v1/tickets/{id}/watchers")).OkJsonAsync();
        Assert.Equal("noc@peer.example", watchers.GetProperty("cc")[0].GetProperty("email").GetString());
        Assert.Equal(alice.Id, watchers.GetProperty("adminCc")[0].GetProperty("userId").GetInt32());

        await (await root.DeleteAsync($"/api/v1/tickets/{id}/watchers/Cc/noc@peer.example")).OkJsonAsync();
        await (await root.DeleteAsync($"/api/v1/tickets/{id}/watchers/AdminCc/{alice.Id}")).OkJsonAsync();
        Assert.Empty((await s.LoadTicketAsync(id)).Watchers);
    }

    [Fact]
    public async Task Custom_Fields_Are_Read_And_Replaced_With_Their_Checks()
    {
        var field = await s.CustomFieldAsync("Severity", CustomFieldType.SelectOne, true, null, "minor", "major");
        var id = await root.CreateTicketAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/custom-fields/{field}", new { values = new[] { "major" } })).OkJsonAsync();
        var fields = await (await root.GetAsync($"/api/v1/tickets/{id}/custom-fields")).OkJsonAsync();
        Assert.Equal("major", fields.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Severity").GetProperty("values")[0].GetString());
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/custom-fields/{field}", new { values = new[] { "apocalyptic" } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}
