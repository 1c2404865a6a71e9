using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>The wire format the rt client depends on, checked with plain HTTP (as curl users call it).</summary>
public sealed partial class RtRestProtocolTests(RtServer server) : IClassFixture<RtServer>
{
    [GeneratedRegex(@"^RT_SID_[^;,\s]+=[0-9a-f]+;")]
    private static partial Regex RtCookie();

    private HttpClient Client() => new(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };

    private static FormUrlEncodedContent Form(params (string, string)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Every_Answer_Is_Http_200_With_The_Status_In_RTs_First_Line()
    {
        using var http = Client();

        var anonymous = await http.GetAsync("REST/1.0/ticket/1/show");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("text/plain", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("RT/4.4.6 401 Credentials required\n\n", await anonymous.Content.ReadAsStringAsync());

        var wrong = await http.PostAsync("REST/1.0/ticket/1/show", Form(("user", "root"), ("pass", "wrong")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("RT/4.4.6 401 Credentials required\n\nYour username or password is incorrect\n\n", await wrong.Content.ReadAsStringAsync());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_Login_Sets_RTs_Session_Cookie_Which_Then_Authenticates_Until_Logout()
    {
        using var http = Client();
        var login = await http.PostAsync("REST/1.0/search/ticket",
            Form(("query", "id = 0"), ("format", "s"), ("user", "alice"), ("pass", RtServer.AgentPassword)));
        Assert.Equal("RT/4.4.6 200 Ok\n\nNo matching results.\n\n", await login.Content.ReadAsStringAsync());
        var cookie = login.Headers.GetValues("Set-Cookie").First();
        Assert.Matches(RtCookie(), cookie);
        var pair = cookie[..cookie.IndexOf(';')];

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "REST/1.0/user/alice");
        withCookie.Headers.Add("Cookie", pair);
        var shown = await (await http.SendAsync(withCookie)).Content.ReadAsStringAsync();
        Assert.StartsWith("RT/4.4.6 200 Ok\n\nid: user/", shown);

        using var logout = new HttpRequestMessage(HttpMethod.Get, "REST/1.0/logout");
        logout.Headers.Add("Cookie", pair);
        Assert.Equal("RT/4.4.6 200 Ok\n\n", await (await http.SendAsync(logout)).Content.ReadAsStringAsync());

        using var after = new HttpRequestMessage(HttpMethod.Get, "REST/1.0/user/alice");
        after.Headers.Add("Cookie", pair);
        Assert.StartsWith("RT/4.4.6 401 Credentials required", await (await http.SendAsync(after)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Doubled_Slash_After_The_Server_Url_Works_As_In_RT()
    {
        using var http = Client();
        var answer = await http.PostAsync(new Uri(server.BaseAddress + "/REST/1.0/show"),
            Form(("id", "queue/General"), ("user", "alice"), ("pass", RtServer.AgentPassword)));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("RT/4.4.6 200 Ok\n\nid: queue/", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Several_Ids_In_One_Show_Come_Back_As_Forms_Separated_By_Dashes()
    {
        var a = await server.Scenario.TicketAsync("Multi show A");
        var b = await server.Scenario.TicketAsync("Multi show B");
        using var http = Client();
        var answer = await http.PostAsync("REST/1.0/show",
            Form(("id", $"ticket/{a}"), ("id", $"ticket/{b}"), ("fields", "subject"), ("format", "s"), ("user", "alice"), ("pass", RtServer.AgentPassword)));
        Assert.Equal($"RT/4.4.6 200 Ok\n\nid: ticket/{a}\nSubject: Multi show A\n\n--\n\nid: ticket/{b}\nSubject: Multi show B\n\n",
            await answer.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^RT/4\.4\.6 200 Ok\n\n# Ticket (\d+) created\.\n\n$")]
    private static partial Regex Created();

    [Fact]
    public async Task A_Form_Posted_To_Ticket_New_Creates_The_Ticket_As_Edit_Does()
    {
        using var http = Client();
        var answer = await http.PostAsync("REST/1.0/ticket/new", Form(("user", "alice"), ("pass", RtServer.AgentPassword),
            ("content", "id: ticket/new\nQueue: General\nSubject: Transit link to AS64500 flapping\nRequestor: peering@example.net\n" +
                        "Priority: 30\nText: BGP session reset 4 times since 09:00\n")));

        var text = await answer.Content.ReadAsStringAsync();
        var created = Created().Match(text);
        Assert.True(created.Success, text);
        var ticket = await server.Scenario.LoadTicketAsync(int.Parse(created.Groups[1].Value));
        Assert.Equal("Transit link to AS64500 flapping", ticket.Subject);
        Assert.Equal(await server.Scenario.GeneralQueueIdAsync(), ticket.QueueId);
        Assert.Equal(30, ticket.Priority);
        Assert.Equal(server.Alice.Id, ticket.CreatorId);
        Assert.Equal("peering@example.net", Assert.Single(ticket.Watchers, w => w.Role == WatcherRole.Requestor).Email);
        var create = Assert.Single(await server.Scenario.TransactionsAsync(ticket.Id));
        Assert.Equal("BGP session reset 4 times since 09:00", System.Text.Encoding.UTF8.GetString(create.Attachments.Single().Content));
    }

    [Fact]
    public async Task A_Form_Posted_To_Ticket_New_Without_A_Queue_Is_Refused_Naming_Queue_And_Creates_Nothing()
    {
        using var http = Client();
        var answer = await http.PostAsync("REST/1.0/ticket/new", Form(("user", "alice"), ("pass", RtServer.AgentPassword),
            ("content", "id: ticket/new\nSubject: Queue-less outage report\nRequestor: peering@example.net\n")));

        var text = await answer.Content.ReadAsStringAsync();
        Assert.StartsWith("RT/4.4.6 409 Syntax Error\n\n# Could not create ticket.\n# Queue: a new ticket needs a queue.\n", text);
        Assert.False(await server.Scenario.DbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Queue-less outage report")));
    }

    [Fact]
    public async Task An_Account_Whose_Password_Was_Reset_Loses_Its_Session()
    {
        using var http = Client();
        var login = await http.PostAsync("REST/1.0/show", Form(("id", "queue/General"), ("user", "watcher"), ("pass", RtServer.AgentPassword)));
        var cookie = login.Headers.GetValues("Set-Cookie").First();
        await server.Scenario.InScopeAsync(async sp =>
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NocBoard.Accounts.NocUser>>(sp);
            var user = await users.FindByNameAsync("watcher");
            await users.UpdateSecurityStampAsync(user!);
        });

        using var again = new HttpRequestMessage(HttpMethod.Get, "REST/1.0/queue/General");
        again.Headers.Add("Cookie", cookie[..cookie.IndexOf(';')]);
        Assert.StartsWith("RT/4.4.6 401 Credentials required", await (await http.SendAsync(again)).Content.ReadAsStringAsync());
    }
}
