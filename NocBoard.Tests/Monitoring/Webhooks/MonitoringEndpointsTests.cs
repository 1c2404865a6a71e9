using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Monitoring;
using NocBoard.Monitoring.Admin;
using NocBoard.Tickets;

namespace NocBoard.Tests.Monitoring.Webhooks;

public class MonitoringEndpointsTests
{
    private const string AlertmanagerToken = "am-test-token-7f3a9c";
    private const string CactiToken = "cacti-test-token-19be";

    private static Task<AlertTestKit> StartAsync() => AlertTestKit.StartAsync(new Dictionary<string, string?>
    {
        ["Monitoring:SourceTokens:alertmanager"] = AlertmanagerToken,
        ["Monitoring:SourceTokens:cacti"] = CactiToken,
    });

    private static async Task<HttpResponseMessage> PostAsync(AlertTestKit kit, string path, string json, string? token)
    {
        var client = kit.Scenario.App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static string Alertmanager(string status, string fingerprint = "a3c6f1e2d4b5c6d7") => $$"""
        {
          "version": "4",
          "groupKey": "{}/{severity=\"critical\"}:{alertname=\"InstanceDown\"}",
          "truncatedAlerts": 0,
          "status": "{{status}}",
          "receiver": "nocboard",
          "groupLabels": { "alertname": "InstanceDown" },
          "commonLabels": { "alertname": "InstanceDown", "job": "node", "severity": "critical" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager.example.net:9093",
          "alerts": [
            {
              "status": "{{status}}",
              "labels": { "alertname": "InstanceDown", "instance": "db-fra1:9100", "job": "node", "severity": "critical", "site": "FRA1" },
              "annotations": { "summary": "Instance db-fra1:9100 down", "description": "db-fra1:9100 of job node has been down for more than 5 minutes." },
              "startsAt": "2026-11-23T07:55:00.000Z",
              "endsAt": "{{(status == "resolved" ? "2026-11-23T08:20:00.000Z" : "0001-01-01T00:00:00Z")}}",
              "generatorURL": "http://prometheus.example.net:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1",
              "fingerprint": "{{fingerprint}}"
            }
          ]
        }
        """;

    [Fact]
    public async Task Without_A_Known_Token_Nothing_Is_Taken()
    {
        await using var kit = await StartAsync();
        var none = await PostAsync(kit, "/monitoring/alertmanager", Alertmanager("firing"), null);
        var wrong = await PostAsync(kit, "/monitoring/alertmanager", Alertmanager("firing"), "guessed-token");
        var generic = await PostAsync(kit, "/monitoring/alerts", """{"key":"k","state":"problem"}""", "guessed-token");

        Assert.All([none, wrong, generic], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("Unknown token", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(0, await kit.TicketCountAsync());
        Assert.Equal(0, await kit.Scenario.DbAsync(db => db.Set<RejectedAlert>().CountAsync()));
    }

    [Fact]
    public async Task Alertmanager_Firing_Then_Resolved_Opens_And_Resolves_One_Ticket_Measured_From_StartsAt()
    {
        await using var kit = await StartAsync();
        var firing = await PostAsync(kit, "/monitoring/alertmanager", Alertmanager("firing"), AlertmanagerToken);
        Assert.Equal(HttpStatusCode.OK, firing.StatusCode);
        await PostAsync(kit, "/monitoring/alertmanager", Alertmanager("firing"), AlertmanagerToken);
        kit.Clock.Advance(TimeSpan.FromMinutes(20));
        var resolved = await PostAsync(kit, "/monitoring/alertmanager", Alertmanager("resolved"), AlertmanagerToken);

        using var answer = JsonDocument.Parse(await resolved.Content.ReadAsStringAsync());
        Assert.Equal("resolved", answer.RootElement.GetProperty("alerts")[0].GetProperty("action").GetString());
        var ticket = await kit.Scenario.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal(("resolved", 80, "[alertmanager] Instance db-fra1:9100 down"), (ticket.Status, ticket.Priority, ticket.Subject));
        Assert.Equal("25m", (await kit.TransactionsAsync(ticket.Id)).Single(t => t.Field == "Recovery").NewValue);
        Assert.Equal(("a3c6f1e2d4b5c6d7", 3), Assert.Single(await kit.EpisodesAsync()) is var e ? (e.Key, e.Count) : default);
    }

    [Fact]
    public async Task The_Generic_Webhook_Takes_One_Alert_Or_Several_For_The_Tokens_Source()
    {
        await using var kit = await StartAsync();
        var one = await PostAsync(kit, "/monitoring/alerts",
            """{"source":"cacti","key":"edge-ams2/ifInErrors","state":"problem","severity":"warning","summary":"Input errors on edge-ams2 xe-0/0/1","details":"12 errors/s"}""", CactiToken);
        var many = await PostAsync(kit, "/monitoring/alerts",
            """[{"key":"edge-ams2/ifInErrors","state":"problem"},{"key":"edge-ams2/ifInErrors","state":"ok","summary":"errors gone"}]""", CactiToken);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        var actions = JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement.GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["repeat", "resolved"], actions);
        var ticket = await kit.Scenario.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal("[cacti] Input errors on edge-ams2 xe-0/0/1", ticket.Subject);
    }

    [Theory]
    [InlineData("""{"key":"k","state":"problem" """, "The body is not valid JSON")]
    [InlineData("""{"state":"problem"}""", "key: is required.")]
    [InlineData("""{"key":"k","state":"broken"}""", "state: 'broken' is not a state")]
    [InlineData("""[{"key":"k","state":"problem"},{"key":"k","state":"ok","labels":"x"}]""", "[1].labels: must be an object")]
    [InlineData("""{"source":"nagios","key":"k","state":"problem"}""", "source: 'nagios' is not the source this token belongs to ('cacti')")]
    public async Task A_Malformed_Alert_Is_Refused_With_What_Was_Wrong_And_Kept_Whole(string body, string reason)
    {
        await using var kit = await StartAsync();
        var response = await PostAsync(kit, "/monitoring/alerts", body, CactiToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        var stored = await kit.Scenario.DbAsync(db => db.Set<RejectedAlert>().AsNoTracking().SingleAsync());
        Assert.Equal((body, "cacti", "webhook"), (stored.Payload, stored.Source, stored.Via));
        Assert.Equal(problem.GetProperty("rejectedAlertId").GetInt64(), stored.Id);
        Assert.Contains(reason, stored.Reason);
        Assert.Equal(0, await kit.TicketCountAsync());

        var root = await kit.Scenario.RootAsync();
        var listed = await kit.Scenario.InScopeAsync(sp => sp.GetRequiredService<MonitoringAdmin>().RejectedAsync(root));
        Assert.Equal(stored.Id, Assert.Single(listed.EnsureSucceeded()).Id);
    }

    [Fact]
    public async Task Parallel_Posts_For_One_Key_Make_One_Ticket()
    {
        await using var kit = await StartAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            PostAsync(kit, "/monitoring/alerts", """{"key":"core-sw-fra1/ping","state":"problem","severity":"critical"}""", CactiToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await kit.TicketCountAsync());
        Assert.Equal(30, Assert.Single(await kit.EpisodesAsync()).Count);
        var history = await kit.TransactionsAsync(Assert.Single(await kit.EpisodesAsync()).TicketId);
        Assert.Equal(29, history.Count(t => t.Type == TransactionType.Alert && t.Field == "Repeat"));
    }

    [Fact]
    public async Task A_Token_Made_On_The_Admin_Page_Works_And_Replaces_The_Old_One()
    {
        await using var kit = await StartAsync();
        var root = await kit.Scenario.RootAsync();
        var source = await kit.SourceAsync("cacti");
        var token = await kit.Scenario.InScopeAsync(sp => sp.GetRequiredService<MonitoringAdmin>().NewTokenAsync(root, source.Id));

        var withNew = await PostAsync(kit, "/monitoring/alerts", """{"key":"k","state":"problem"}""", token.EnsureSucceeded());
        var withOld = await PostAsync(kit, "/monitoring/alerts", """{"key":"k","state":"problem"}""", CactiToken);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (withNew.StatusCode, withOld.StatusCode));

        var agent = await kit.Scenario.UserAsync("agent");
        var refused = await kit.Scenario.InScopeAsync(sp => sp.GetRequiredService<MonitoringAdmin>().NewTokenAsync(agent, source.Id));
        Assert.Contains("needs the SuperUser right", refused.Error!.Message);
    }
}
