using System.Net;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Api.ApiArrange;

namespace NocBoard.Tests.Api.Tickets;

/// <summary>401 without credentials, 404 alike for hidden and missing tickets, 403 for a visible ticket one may not change.</summary>
public sealed class TicketVisibilityTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    [Fact]
    public async Task A_Hidden_Ticket_Answers_Exactly_As_A_Missing_One()
    {
        var hidden = await s.TicketAsync("Secret maintenance");
        var eve = await s.UserAsync("eve");
        var client = await s.ClientAsync(eve);

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Get, "", null), (HttpMethod.Get, "/history", null), (HttpMethod.Get, "/links", null),
                     (HttpMethod.Get, "/watchers", null), (HttpMethod.Get, "/custom-fields", null),
                     (HttpMethod.Put, "/status", new { status = "open" }), (HttpMethod.Post, "/correspond", new { content = "hi" }),
                 })
        {
            async Task<string> AnswerAsync(int id)
            {
                var response = body is null ? await client.SendAsync(new HttpRequestMessage(method, $"/api/v1/tickets/{id}{path}"))
                    : await client.SendJsonAsync(method, $"/api/v1/tickets/{id}{path}", body);
                var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
                Assert.False(response.Headers.Contains("ETag"));
                return problem.GetProperty("detail").GetString()!.Replace(id.ToString(), "N");
            }
            Assert.Equal(await AnswerAsync(hidden + 1000), await AnswerAsync(hidden));
        }
    }

    [Fact]
    public async Task A_Visible_Ticket_One_May_Not_Change_Is_403_Naming_The_Right()
    {
        var id = await s.TicketAsync();
        var viewer = await s.UserAsync("viewer");
        await s.GrantAllAsync(viewer, null, "SeeQueue", "ShowTicket");
        var client = await s.ClientAsync(viewer);
        await (await client.GetAsync($"/api/v1/tickets/{id}")).OkJsonAsync();
        var problem = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/priority", new { priority = 5 })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("ModifyTicket", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_Ticket_Endpoint_Needs_Credentials()
    {
        var id = await s.TicketAsync();
        var anonymous = s.Client(null);
        await (await anonymous.GetAsync($"/api/v1/tickets/{id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/tickets?query=id>0")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x"}"""))).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
