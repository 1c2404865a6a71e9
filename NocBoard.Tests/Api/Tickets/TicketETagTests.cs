using System.Net;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.Tickets;

public sealed class TicketETagTests : IAsyncLifetime
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
    public async Task A_Write_With_The_Current_ETag_Succeeds_And_Answers_The_Next_One()
    {
        var id = await root.CreateTicketAsync();
        var etag = (await root.GetAsync($"/api/v1/tickets/{id}")).Headers.ETag!.ToString();
        var response = await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 10 }, ifMatch: etag);
        var ticket = await response.OkJsonAsync();
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        Assert.Equal($"\"{id}.{ticket.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_Write_With_A_Stale_ETag_Is_412_And_Writes_Nothing()
    {
        var id = await root.CreateTicketAsync();
        var stale = (await root.GetAsync($"/api/v1/tickets/{id}")).Headers.ETag!.ToString();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 10 })).OkJsonAsync();
        var before = await s.FootprintAsync();

        var problem = await (await root.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{id}", new { subject = "Mine wins" }, ifMatch: stale))
            .ProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await s.FootprintAsync());

        await (await root.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{id}/correspond", new { content = "x" }, ifMatch: "\"garbage\""))
            .ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task If_Match_Star_Or_None_Does_Not_Pin_The_Version()
    {
        var id = await root.CreateTicketAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 10 }, ifMatch: "*")).OkJsonAsync();
        await (await root.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 11 })).OkJsonAsync();
        Assert.Equal(11, (await s.LoadTicketAsync(id)).Priority);
    }
}
