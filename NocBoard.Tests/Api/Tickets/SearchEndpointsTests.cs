using System.Net;
using System.Net.Http.Json;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.Tickets;

public sealed class SearchEndpointsTests : IAsyncLifetime
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
    public async Task TicketSql_Search_Pages_And_Sorts()
    {
        for (var i = 1; i <= 5; i++)
            await root.CreateTicketAsync($"Link {i}", $",\"priority\":{i * 10}");
        await root.CreateTicketAsync("Other", ",\"status\":\"open\"");

        var page = await (await root.GetAsync("/api/v1/tickets?query=" + Uri.EscapeDataString("Queue = 'General' AND Status = 'new'")
                                              + "&orderBy=" + Uri.EscapeDataString("Priority DESC") + "&page=2&pageSize=2")).OkJsonAsync();
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("pages").GetInt32());
        Assert.Equal(new[] { "Link 3", "Link 2" }, page.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("subject").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_Bad_Query_Is_400_With_The_Position_And_Bad_Paging_Names_The_Parameter()
    {
        var problem = await (await root.GetAsync("/api/v1/tickets?query=" + Uri.EscapeDataString("Queue = "))).ProblemAsync(HttpStatusCode.BadRequest, "query");
        Assert.True(problem.GetProperty("position").GetInt32() >= 0);
        await (await root.GetAsync("/api/v1/tickets?orderBy=Nonsense")).ProblemAsync(HttpStatusCode.BadRequest, "orderBy");
        await (await root.GetAsync("/api/v1/tickets?pageSize=5000")).ProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Search_Finds_Only_What_The_Caller_May_See()
    {
        await root.CreateTicketAsync("Hidden");
        var eve = await s.UserAsync("eve");
        var page = await (await (await s.ClientAsync(eve)).GetAsync("/api/v1/tickets")).OkJsonAsync();
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bulk_Update_By_Numbers_And_By_Query_Reports_Refusals_Per_Ticket()
    {
        var a = await root.CreateTicketAsync("A");
        var b = await root.CreateTicketAsync("B");
        var result = await (await root.PostAsJsonAsync("/api/v1/tickets/bulk", new { tickets = new[] { a, b, 9999 }, priority = 60, comment = "Bulk" })).OkJsonAsync();
        Assert.Equal([a, b], result.GetProperty("updated").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.Equal(9999, result.GetProperty("refused")[0].GetProperty("ticketId").GetInt32());
        Assert.Equal(60, (await s.LoadTicketAsync(b)).Priority);

        var byQuery = await (await root.PostAsJsonAsync("/api/v1/tickets/bulk", new { query = "Subject = 'A'", status = "open" })).OkJsonAsync();
        Assert.Equal([a], byQuery.GetProperty("updated").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.Equal("open", (await s.LoadTicketAsync(a)).Status);

        await (await root.PostAsJsonAsync("/api/v1/tickets/bulk", new { tickets = new[] { a } })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await root.PostAsJsonAsync("/api/v1/tickets/bulk", new { priority = 1 })).ProblemAsync(HttpStatusCode.BadRequest, "tickets");
    }
}
