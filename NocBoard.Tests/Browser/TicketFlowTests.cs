using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NocBoard.Accounts.Rights;
using NocBoard.Dashboard;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using Xunit.Abstractions;

namespace NocBoard.Tests.Browser;

/// <summary>
/// The flows a NOC works in all day, driven in headless Chromium against the real app: log in,
/// create a ticket, take it, reply, resolve, search, bulk update; and a requestor's view. Each test
/// checks what the person sees and what the database holds afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TicketFlowTests(ChromiumFixture chromium, BrowserApp app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output)
{
    private const string Password = "Browser-Password-1";

    private static readonly string[] AgentRights =
    [
        Right.SeeQueue, Right.ShowTicket, Right.CreateTicket, Right.ReplyToTicket, Right.CommentOnTicket,
        Right.ShowTicketComments, Right.ModifyTicket, Right.OwnTicket, Right.TakeTicket,
    ];

    [Fact]
    public Task A_Staff_Member_Creates_A_Ticket_Takes_It_Replies_And_Resolves_It_While_A_Colleague_Watches() => InBrowserAsync(async () =>
    {
        var general = await S.GeneralQueueIdAsync();
        var alice = await S.UserAsync("alice", email: "alice@noc.example", password: Password);
        var dave = await S.UserAsync("dave", email: "dave@noc.example", password: Password);
        await S.GrantAllAsync(alice, general, AgentRights);
        await S.GrantAllAsync(dave, general, Right.SeeQueue, Right.ShowTicket);

        // Log in through the form: a staff member lands on "At a glance".
        var page = await LogInAsync("alice", Password);
        await Expect(page).ToHaveURLAsync(App.BaseUrl);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("alice");

        // Create a ticket from the menu.
        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
        await page.GetByTestId("new-subject").FillAsync("BGP session to AS64500 flapping");
        await page.GetByTestId("new-requestors").FillAsync("noc@customer.example");
        await page.GetByTestId("new-content").FillAsync("The **BGP** session on edge-1 flaps every few minutes since 09:12.");
        await page.GetByTestId("new-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(TicketUrl()); // the page moves there inside the circuit: no load event
        var id = int.Parse(TicketUrl().Match(page.Url).Groups[1].Value);

        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync($"#{id}: BGP session to AS64500 flapping");
        await Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("new");
        var created = page.GetByTestId("transaction").Filter(new() { HasText = "flaps every few minutes" });
        await Expect(created.Locator("strong")).ToHaveTextAsync("BGP"); // the Markdown was rendered

        var ticket = await S.LoadTicketAsync(id);
        Assert.Equal(("BGP session to AS64500 flapping", "new", general, alice.Id), (ticket.Subject, ticket.Status, ticket.QueueId, ticket.CreatorId));
        var requestor = Assert.Single(ticket.Watchers);
        Assert.Equal((WatcherRole.Requestor, "noc@customer.example"), (requestor.Role, requestor.Email));
        var create = Assert.Single(await S.TransactionsAsync(id));
        Assert.Equal(TransactionType.Create, create.Type);
        Assert.Contains("flaps every few minutes", Body(create));

        // A colleague has the ticket open in another browser.
        var colleague = await LogInAsync("dave", Password);
        await OpenAsync(colleague, $"ticket/{id}");
        await Expect(colleague.GetByTestId("ticket-status")).ToHaveTextAsync("new");

        // Take it, and star it (a bookmark is personal: no ticket change, so nothing else refreshes the page).
        await page.GetByTestId("take").ClickAsync();
        await Expect(page.GetByTestId("untake")).ToBeVisibleAsync();
        Assert.Equal(alice.Id, (await S.LoadTicketAsync(id)).OwnerId);
        await page.GetByTestId("bookmark").ClickAsync();
        await Expect(page.GetByTestId("bookmark")).ToHaveClassAsync(new Regex("mud-warning-text"));
        Assert.True(await S.DbAsync(db => db.Bookmarks.AnyAsync(b => b.UserId == alice.Id && b.TicketId == id)));

        // Reply: the message joins the history, the box empties, and staff correspondence opens the ticket.
        await page.GetByTestId("reply-text").FillAsync("We reset the session and are watching it.");
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(page.GetByTestId("transaction").Filter(new() { HasText = "We reset the session" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("reply-text")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("open");
        var reply = (await S.TransactionsAsync(id)).Single(t => t.Type == TransactionType.Correspond);
        Assert.Equal(alice.Id, reply.ActorId);
        Assert.Equal("We reset the session and are watching it.", Body(reply).Trim());

        // Resolve it from the status menu.
        await page.GetByTestId("status-menu").ClickAsync();
        await page.GetByTestId("status-resolved").ClickAsync();
        await Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("resolved");
        ticket = await S.LoadTicketAsync(id);
        Assert.Equal(("resolved", alice.Id), (ticket.Status, ticket.OwnerId));
        Assert.NotNull(ticket.Resolved);
        Assert.Contains(await S.TransactionsAsync(id), t => t.Type == TransactionType.Status && t.NewValue == "resolved");

        // The colleague's page followed without a reload.
        await Expect(colleague.GetByTestId("ticket-status")).ToHaveTextAsync("resolved");
        await Expect(colleague.GetByTestId("transaction").Filter(new() { HasText = "We reset the session" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task A_Staff_Member_Searches_And_Bulk_Updates_Selected_Tickets_And_All_Results() => InBrowserAsync(async () =>
    {
        var backbone = await S.QueueAsync("Backbone");
        var billing = await S.QueueAsync("Billing");
        var bob = await S.UserAsync("bob", email: "bob@noc.example", password: Password);
        await S.GrantAllAsync(bob, backbone, AgentRights);
        await S.GrantAllAsync(bob, billing, Right.SeeQueue, Right.ShowTicket); // may see, may not change
        var zurich = await S.TicketAsync("Fibre cut Zurich-Basel", backbone);
        var geneva = await S.TicketAsync("Fibre cut Geneva-Lausanne", backbone);
        var bern = await S.TicketAsync("Fibre cut Bern-Thun", backbone);
        var invoice = await S.TicketAsync("Fibre cut credit note", billing);
        var printer = await S.TicketAsync("Printer jam", backbone);

        var page = await LogInAsync("bob", Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();

        // A mistyped field is pointed out, not searched.
        await page.GetByTestId("query").FillAsync("Subjekt LIKE 'Fibre cut'");
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("query-error")).ToContainTextAsync("Subjekt");
        await Expect(page.GetByTestId("result-row")).ToHaveCountAsync(0);

        await page.GetByTestId("query").FillAsync("Subject LIKE 'Fibre cut'");
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("query-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("4 tickets found");
        await Expect(page.GetByTestId("result-row")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("results")).Not.ToContainTextAsync("Printer jam");
        Assert.Contains("query=Subject%20LIKE%20%27Fibre%20cut%27", page.Url); // the search can be bookmarked

        // Update two ticked tickets.
        await page.GetByLabel($"Select #{zurich}").CheckAsync();
        await page.GetByLabel($"Select #{geneva}").CheckAsync();
        await OpenBulkPanelAsync(page);
        await Expect(page.GetByTestId("bulk-selected")).ToHaveTextAsync("Update 2 selected");
        await ChooseBulkStatusAsync(page, "open");
        await page.GetByTestId("bulk-selected").ClickAsync();
        await Expect(page.GetByTestId("bulk-outcome")).ToHaveTextAsync("2 tickets updated.");
        Assert.Equal(["open", "open", "new", "new", "new"], await StatusesAsync(zurich, geneva, bern, invoice, printer));
        await Expect(Row(page, zurich)).ToContainTextAsync("open");
        await Expect(Row(page, bern)).ToContainTextAsync("new");

        // Update every result: the one in a queue bob may not change is refused and named. "All
        // results" are the ones on screen, even after the query box was edited without searching.
        await page.GetByTestId("query").FillAsync("Subject LIKE 'Printer'");
        await ChooseBulkStatusAsync(page, "stalled");
        await page.GetByTestId("bulk-all").ClickAsync();
        await Expect(page.GetByTestId("bulk-outcome")).ToHaveTextAsync("3 tickets updated, 1 refused:");
        await Expect(page.GetByTestId("bulk-panel")).ToContainTextAsync($"#{invoice}:");
        Assert.Equal(["stalled", "stalled", "stalled", "new", "new"], await StatusesAsync(zurich, geneva, bern, invoice, printer));
        await Expect(Row(page, bern)).ToContainTextAsync("stalled");
        await Expect(Row(page, invoice)).ToContainTextAsync("new");
    });

    [Fact]
    public Task A_Staff_Member_Takes_A_Ticket_From_The_Dashboard_Then_Builds_A_Search_And_Picks_Columns() => InBrowserAsync(async () =>
    {
        var noc = await S.QueueAsync("NOC");
        var erin = await S.UserAsync("erin", email: "erin@noc.example", password: Password);
        await S.GrantAllAsync(erin, noc, AgentRights);
        var id = await S.TicketAsync("UPS on battery in rack B7", noc);

        // "Newest unowned" offers the ticket; taking it moves it to the tickets she owns.
        var page = await LogInAsync("erin", Password);
        var unowned = page.GetByTestId($"portlet-{Portlet.NewestUnowned}").GetByTestId("portlet-row").Filter(new() { HasText = "UPS on battery" });
        var owned = page.GetByTestId($"portlet-{Portlet.HighestPriorityOwned}").GetByTestId("portlet-row").Filter(new() { HasText = "UPS on battery" });
        await Expect(owned).ToHaveCountAsync(0);
        await unowned.GetByTestId("portlet-take").ClickAsync();
        await Expect(unowned).ToHaveCountAsync(0);
        await Expect(owned).ToHaveCountAsync(1);
        Assert.Equal(erin.Id, (await S.LoadTicketAsync(id)).OwnerId);

        // The query builder writes TicketSQL into the box for those who don't type it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await page.GetByTestId("query-builder").GetByLabel("Value").FillAsync("new");
        await page.GetByTestId("builder-add").ClickAsync();
        await Expect(page.GetByTestId("query")).ToHaveValueAsync("Status = 'new'");
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 ticket found");
        await Expect(Row(page, id)).ToContainTextAsync("erin");

        // Columns can be hidden.
        var ownerHeader = page.GetByTestId("results").Locator("th", new() { HasText = "Owner" });
        await Expect(ownerHeader).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Columns" }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Owner", new() { Exact = true }).ClickAsync();
        await Expect(ownerHeader).ToHaveCountAsync(0);
        await Expect(Row(page, id)).Not.ToContainTextAsync("erin");
    });

    [Fact]
    public Task A_Requestor_Lands_On_Their_Tickets_Replies_And_Cannot_Open_Staff_Pages() => InBrowserAsync(async () =>
    {
        var carol = await S.UserAsync("carol", privileged: false, email: "carol@customer.example", password: Password);
        var root = await S.RootAsync();
        var id = (await S.CreateAsync(root, new NewTicket
        {
            QueueId = await S.GeneralQueueIdAsync(), Subject = "VPN to branch office down",
            Requestors = [WatcherRef.Address("carol@customer.example")], Content = new TicketMessage("Since 8:00 nobody can connect."),
        })).EnsureSucceeded().Id;
        await S.ApplyAsync(root, id, new Comment(new TicketMessage("INTERNAL: their contract lapsed")));
        await S.ApplyAsync(root, id, new Correspond(new TicketMessage("We restarted the concentrator.")));
        var others = await S.TicketAsync("Someone else's outage");

        // Log in: a requestor is sent to their own tickets, not to the staff dashboard.
        var page = await LogInAsync("carol", Password);
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "self");
        await Expect(page.GetByTestId("my-ticket")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("my-ticket")).ToContainTextAsync("VPN to branch office down");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New ticket" })).ToHaveCountAsync(0);

        // Their ticket shows the public conversation only, and they can answer.
        await page.GetByRole(AriaRole.Link, new() { Name = "VPN to branch office down" }).ClickAsync();
        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync($"#{id}: VPN to branch office down");
        await Expect(page.GetByTestId("transaction").Filter(new() { HasText = "We restarted the concentrator." })).ToHaveCountAsync(1);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("INTERNAL");
        await page.GetByTestId("reply-text").FillAsync("Works again, thank you!");
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(page.GetByTestId("transaction").Filter(new() { HasText = "Works again, thank you!" })).ToHaveCountAsync(1);
        var answer = (await S.TransactionsAsync(id)).Last();
        Assert.Equal((TransactionType.Correspond, carol.Id), (answer.Type, answer.ActorId));
        Assert.Contains("Works again, thank you!", Body(answer));

        // Staff pages stay closed, typed in the address bar or not.
        foreach (var staffPage in new[] { $"ticket/{id}", $"ticket/{others}", "ticket/new", "search" })
        {
            await page.GotoAsync(staffPage);
            await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("ticket-title")).ToHaveCountAsync(0);
        }
        // Someone else's ticket is not shown on the self-service side either.
        await OpenAsync(page, $"self/ticket/{others}");
        await Expect(page.GetByTestId("ticket-not-found")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Someone else's outage");
    });

    private static async Task OpenBulkPanelAsync(IPage page)
    {
        await page.GetByTestId("bulk-panel").GetByText("Bulk update").ClickAsync();
        await Expect(page.GetByTestId("bulk-selected")).ToBeVisibleAsync();
    }

    private static async Task ChooseBulkStatusAsync(IPage page, string status)
    {
        await page.GetByTestId("bulk-status").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(status, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-input-control.mud-select").Filter(new() { Has = page.GetByTestId("bulk-status") })).ToContainTextAsync(status);
    }

    private static ILocator Row(IPage page, int ticket) =>
        page.GetByTestId("result-row").Filter(new() { Has = page.GetByLabel($"Select #{ticket}") });

    private Task<string[]> StatusesAsync(params int[] ids) => S.DbAsync(async db =>
    {
        var statuses = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Status);
        return ids.Select(i => statuses[i]).ToArray();
    });

    private static string Body(TicketTransaction transaction) =>
        Encoding.UTF8.GetString(transaction.Attachments.Single(a => a.IsBody).Content);

    [GeneratedRegex(@"/ticket/(\d+)$")]
    private static partial Regex TicketUrl();
}
