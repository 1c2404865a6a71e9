using System.Net;
using System.Net.Http.Json;
using NocBoard.CustomFields;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.Directory;

/// <summary>Queues, users, groups, rights and custom fields: read as allowed, written only by administrators.</summary>
public sealed class DirectoryEndpointsTests : IAsyncLifetime
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
    public async Task Queues_Are_Read_As_SeeQueue_Allows_And_Administered_With_AdminQueue()
    {
        var hidden = await s.QueueAsync("Hidden");
        var alice = await s.UserAsync("alice");
        var general = await s.GeneralQueueIdAsync();
        await s.GrantAsync("SeeQueue", general, user: alice);
        var client = await s.ClientAsync(alice);

        var list = await (await client.GetAsync("/api/v1/queues")).OkJsonAsync();
        Assert.Equal(["General"], list.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).ToArray());
        Assert.Contains("resolved", (await (await client.GetAsync($"/api/v1/queues/{general}")).OkJsonAsync()).GetProperty("statuses").EnumerateArray().Select(x => x.GetString()));
        await (await client.GetAsync($"/api/v1/queues/{hidden}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/v1/queues", new { name = "Mine", lifecycleId = 1 })).ProblemAsync(HttpStatusCode.Forbidden);

        var created = await (await root.PostAsJsonAsync("/api/v1/queues", new { name = "Outages", lifecycleId = 1, initialPriority = 50, finalPriority = 90 }))
            .OkJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/queues/{id}", new { name = "Outages", description = "Carrier faults", lifecycleId = 1 })).StatusCode);
        var settings = await (await root.GetAsync($"/api/v1/queues/{id}/settings")).OkJsonAsync();
        Assert.Equal("Carrier faults", settings.GetProperty("form").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/queues/{id}/disabled", new { disabled = true })).StatusCode);
        await (await root.PostAsJsonAsync("/api/v1/queues", new { name = "General", lifecycleId = 1 })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task Users_Staff_See_Staff_Admins_See_And_Change_Everyone()
    {
        var alice = await s.UserAsync("alice", email: "alice@noc.example");
        await s.UserAsync("customer", privileged: false);
        var client = await s.ClientAsync(alice);
        var staff = await (await client.GetAsync("/api/v1/users")).OkJsonAsync();
        var names = staff.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("alice", names);
        Assert.DoesNotContain("customer", names);
        Assert.All(staff.EnumerateArray(), u => Assert.Equal(System.Text.Json.JsonValueKind.Null, u.GetProperty("email").ValueKind));
        await (await client.PostAsJsonAsync("/api/v1/users", new { userName = "mallory", password = "Long-Enough-Pass-1" })).ProblemAsync(HttpStatusCode.Forbidden);

        var all = await (await root.GetAsync("/api/v1/users?search=alice")).OkJsonAsync();
        Assert.Equal("alice@noc.example", all[0].GetProperty("email").GetString());
        var made = await (await root.PostAsJsonAsync("/api/v1/users", new { userName = "dave", password = "Long-Enough-Pass-1", realName = "Dave" })).OkJsonAsync(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/users/{id}", new { realName = "Dave D.", privileged = true })).StatusCode);
        Assert.Equal("Dave D.", (await (await root.GetAsync($"/api/v1/users/{id}")).OkJsonAsync()).GetProperty("realName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/users/{id}/disabled", new { disabled = true })).StatusCode);
        await (await client.GetAsync($"/api/v1/users/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Groups_And_Members_Need_AdminGroups()
    {
        var alice = await s.UserAsync("alice");
        await (await (await s.ClientAsync(alice)).GetAsync("/api/v1/groups")).ProblemAsync(HttpStatusCode.Forbidden);
        var id = (await (await root.PostAsJsonAsync("/api/v1/groups", new { name = "NOC shift A" })).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync($"/api/v1/groups/{id}/members", new { userId = alice.Id })).StatusCode);
        var group = await (await root.GetAsync($"/api/v1/groups/{id}")).OkJsonAsync();
        Assert.Equal(alice.Id, group.GetProperty("members")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await root.DeleteAsync($"/api/v1/groups/{id}/members/{alice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/groups/{id}", new { name = "NOC shift B" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/groups/{id}/disabled", new { disabled = true })).StatusCode);
        Assert.Contains("NOC shift B", (await (await root.GetAsync("/api/v1/groups")).OkJsonAsync()).ToString());
    }

    [Fact]
    public async Task Rights_Are_Read_And_Granted_By_SuperUser_Only()
    {
        var alice = await s.UserAsync("alice");
        var general = await s.GeneralQueueIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync("/api/v1/rights", new { right = "ShowTicket", granted = true, userId = alice.Id, queueId = general })).StatusCode);
        var grid = await (await root.GetAsync($"/api/v1/rights?userId={alice.Id}&queueId={general}")).OkJsonAsync();
        Assert.True(grid.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("definition").GetProperty("name").GetString() == "ShowTicket").GetProperty("granted").GetBoolean());
        await (await root.GetAsync("/api/v1/rights")).ProblemAsync(HttpStatusCode.BadRequest, "userId");
        await (await (await s.ClientAsync(alice)).PutAsJsonAsync("/api/v1/rights", new { right = "SuperUser", granted = true, userId = alice.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await root.PutAsJsonAsync("/api/v1/rights", new { right = "NoSuchRight", granted = true, role = "Privileged" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "right");
    }

    [Fact]
    public async Task Custom_Fields_Are_Read_With_SeeCustomField_And_Managed_With_AdminCustomField()
    {
        var alice = await s.UserAsync("alice");
        await s.CustomFieldAsync("Circuit", CustomFieldType.Text);
        var client = await s.ClientAsync(alice);
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/custom-fields")).OkJsonAsync()).GetArrayLength());
        await s.GrantAllAsync(alice, null, "SeeQueue", "SeeCustomField");
        var fields = await (await client.GetAsync("/api/v1/custom-fields")).OkJsonAsync();
        Assert.Equal("Circuit", fields[0].GetProperty("name").GetString());
        Assert.Equal("Text", fields[0].GetProperty("type").GetString());
        await (await client.PostAsJsonAsync("/api/v1/custom-fields", new { name = "X", type = "Text" })).ProblemAsync(HttpStatusCode.Forbidden);

        var id = (await (await root.PostAsJsonAsync("/api/v1/custom-fields", new { name = "Severity", type = "SelectOne", values = new[] { "minor", "major" } }))
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Equal(["minor", "major"], (await (await root.GetAsync($"/api/v1/custom-fields/{id}")).OkJsonAsync()).GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/custom-fields/{id}", new { name = "Severity", type = "SelectOne", values = new[] { "minor", "major", "critical" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PutAsJsonAsync($"/api/v1/custom-fields/{id}/disabled", new { disabled = true })).StatusCode);
        await (await root.GetAsync($"/api/v1/custom-fields/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
