using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.SelfService;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.SelfService;

/// <summary>Requestors get their own view; staff pages and other people's tickets stay closed to them.</summary>
public class SelfServiceAccessTests
{
    private const string Password = "Requestor-Password-1";

    [Fact]
    public async Task A_Requestor_Cannot_Reach_Staff_Pages()
    {
        await using var s = await Scenario.StartAsync();
        await s.UserAsync("customer", privileged: false, email: "customer@example.com", password: Password);
        var id = await s.TicketAsync();
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("customer", Password);

        foreach (var page in new[] { $"ticket/{id}", "ticket/new" })
        {
            var response = await web.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", web.RedirectTarget(response));
        }
        var home = await web.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/self", web.RedirectTarget(home));
    }

    [Fact]
    public async Task A_Requestor_Sees_Their_Tickets_And_Not_Others_By_URL()
    {
        await using var s = await Scenario.StartAsync();
        var customer = await s.UserAsync("customer", privileged: false, email: "customer@example.com", password: Password);
        var root = await s.RootAsync();
        var mine = (await s.CreateAsync(root, new NewTicket
        {
            QueueName = "General", Subject = "My VPN is down", Requestors = [WatcherRef.Address("customer@example.com")],
            Content = new TicketMessage("It stopped at 9."),
        })).EnsureSucceeded().Id;
        await s.ApplyAsync(root, mine, new Comment(new TicketMessage("INTERNAL: customer owes money")));
        await s.ApplyAsync(root, mine, new Correspond(new TicketMessage("We restarted the concentrator.")));
        var someoneElses = await s.TicketAsync("Other customer's outage");

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("customer", Password);

        var list = await web.GetPageAsync("self");
        Assert.Contains("My VPN is down", list);
        Assert.DoesNotContain("Other customer", list);

        var page = await web.GetPageAsync($"self/ticket/{mine}");
        Assert.Contains("It stopped at 9.", page);
        Assert.Contains("We restarted the concentrator.", page);
        Assert.DoesNotContain("INTERNAL", page);

        var other = await web.GetPageAsync($"self/ticket/{someoneElses}");
        Assert.Contains("ticket-not-found", other);
        Assert.DoesNotContain("Other customer's outage", other);

        await s.InScopeAsync(async sp =>
        {
            var queries = sp.GetRequiredService<SelfServiceQueries>();
            var conversation = (await queries.ConversationAsync(mine, customer))!.Value.Conversation;
            Assert.DoesNotContain(conversation, t => t.Type == TransactionType.Comment);
        });
    }

    [Fact]
    public async Task Staff_Still_Reach_Their_Pages()
    {
        await using var s = await Scenario.StartAsync();
        var id = await s.TicketAsync("Core router CPU high");
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var page = await web.GetPageAsync($"ticket/{id}");
        Assert.Contains("Core router CPU high", page);
        Assert.Contains("At a glance", await web.GetPageAsync(""));
    }
}
