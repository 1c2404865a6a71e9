using Microsoft.Playwright;
using NocBoard.Accounts.Rights;
using NocBoard.Tickets.Changes;
using Xunit.Abstractions;

namespace NocBoard.Tests.Browser;

/// <summary>Two people working one board and one ticket at the same time, each seeing the other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(ChromiumFixture chromium, BrowserApp app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output)
{
    private const string Password = "Board-Password-1";

    private static readonly string[] AgentRights =
        [Right.SeeQueue, Right.ShowTicket, Right.ReplyToTicket, Right.ModifyTicket, Right.OwnTicket, Right.TakeTicket];

    private async Task<int> TwoAgentsAsync(string first, string second, string subject)
    {
        var queue = await S.QueueAsync($"Board {first}");
        foreach (var name in new[] { first, second })
            await S.GrantAllAsync(await S.UserAsync(name, password: Password), queue, AgentRights);
        return await S.TicketAsync(subject, queueId: queue);
    }

    [Fact]
    public Task A_Drag_In_One_Browser_Moves_The_Card_In_The_Other_And_An_Illegal_Drop_Says_Why() => InBrowserAsync(async () =>
    {
        var id = await TwoAgentsAsync("erin", "finn", "Transit link to AMS-IX down");
        var erin = await LogInAsync("erin", Password);
        var finn = await LogInAsync("finn", Password);
        await OpenAsync(erin, "board");
        await OpenAsync(finn, "board");
        var card = $"[data-testid=card][data-ticket=\"{id}\"]";
        await Assertions.Expect(finn.Locator($"[data-testid=column-new] {card}")).ToBeVisibleAsync();

        await erin.Locator(card).DragToAsync(erin.Locator("[data-testid=column-open] [data-testid=dropzone]"));

        await Assertions.Expect(finn.Locator($"[data-testid=column-open] {card}")).ToBeVisibleAsync();
        Assert.Equal("open", (await S.LoadTicketAsync(id)).Status);

        // finn may not delete tickets: his drop to "deleted" is refused, the card stays and he is told why.
        var board = await S.DbAsync(async db =>
        {
            db.Boards.Add(new NocBoard.Board.BoardDefinition { Name = "With deleted", Columns = ["open", "deleted"] });
            await db.SaveChangesAsync();
            return db.Boards.Single(b => b.Name == "With deleted").Id;
        });
        await OpenAsync(finn, $"board/{board}");
        await finn.Locator(card).DragToAsync(finn.Locator("[data-testid=column-deleted] [data-testid=dropzone]"));
        await Assertions.Expect(finn.Locator(".mud-snackbar")).ToContainTextAsync("needs the DeleteTicket right");
        await Assertions.Expect(finn.Locator($"[data-testid=column-open] {card}")).ToBeVisibleAsync();
        Assert.Equal("open", (await S.LoadTicketAsync(id)).Status);

        // A change made without any browser (a service call, as mail or an alert would) reaches the open board.
        await S.ApplyAsync(await S.RootAsync(), id, new SetStatus("stalled"));
        await Assertions.Expect(erin.Locator($"[data-testid=column-stalled] {card}")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_Card_Moves_With_The_Keyboard_Alone_Through_The_Move_Panel() => InBrowserAsync(async () =>
    {
        var id = await TwoAgentsAsync("kim", "lou", "Fibre cut near POP-7");
        var kim = await LogInAsync("kim", Password);
        await OpenAsync(kim, "board");
        var card = $"[data-testid=card][data-ticket=\"{id}\"]";

        await kim.Locator($"{card} [data-testid=move-menu]").FocusAsync();
        await kim.Keyboard.PressAsync("Enter");
        await kim.GetByTestId("move-open").FocusAsync();
        await kim.Keyboard.PressAsync("Enter");

        await Assertions.Expect(kim.Locator($"[data-testid=column-open] {card}")).ToBeVisibleAsync();
        await Assertions.Expect(kim.GetByTestId("move-panel")).ToHaveCountAsync(0);
        Assert.Equal("open", (await S.LoadTicketAsync(id)).Status);
    });

    [Fact]
    public Task An_Agent_Sees_Who_Else_Has_The_Ticket_Open_And_Is_Writing() => InBrowserAsync(async () =>
    {
        var id = await TwoAgentsAsync("gail", "hugo", "Customer reports packet loss");
        var gail = await LogInAsync("gail", Password);
        var hugo = await LogInAsync("hugo", Password);
        await OpenAsync(gail, $"ticket/{id}");
        await OpenAsync(hugo, $"ticket/{id}");

        await Assertions.Expect(gail.GetByTestId("presence")).ToContainTextAsync("hugo");
        await hugo.GetByTestId("reply-text").FillAsync("Calling the customer now");
        await Assertions.Expect(gail.GetByTestId("presence")).ToContainTextAsync("hugo is writing a reply");

        await OpenAsync(hugo, "search"); // leaving the ticket page
        await Assertions.Expect(gail.GetByTestId("presence")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task At_A_Glance_Shows_A_New_Ticket_Without_A_Reload() => InBrowserAsync(async () =>
    {
        var queue = await S.QueueAsync("Glance");
        var ines = await S.UserAsync("ines", password: Password);
        await S.GrantAllAsync(ines, queue, AgentRights);
        var page = await LogInAsync("ines", Password);
        await Assertions.Expect(page.GetByTestId("portlet-unowned")).ToContainTextAsync("Every active ticket has an owner.");

        await S.CreateAsync(await S.RootAsync(), new NewTicket { QueueId = queue, Subject = "Fire alarm in POP-3" });

        await Assertions.Expect(page.GetByTestId("portlet-unowned")).ToContainTextAsync("Fire alarm in POP-3");
    });

    [Fact]
    public Task Search_Results_Show_A_Change_To_A_Listed_Ticket_And_Say_When_Others_Changed() => InBrowserAsync(async () =>
    {
        var queue = await S.QueueAsync("Searched");
        var jo = await S.UserAsync("jo", password: Password);
        await S.GrantAllAsync(jo, queue, AgentRights);
        var listed = await S.TicketAsync("Latency spike on core-2", queueId: queue);
        var page = await LogInAsync("jo", Password);
        await OpenAsync(page, "search?query=" + Uri.EscapeDataString("Subject LIKE 'core-2'"));
        var row = page.GetByTestId("result-row").Filter(new() { HasText = "Latency spike on core-2" });
        await Assertions.Expect(row).ToContainTextAsync("new");

        await S.ApplyAsync(await S.RootAsync(), listed, new SetStatus("stalled"));
        await Assertions.Expect(row).ToContainTextAsync("stalled");
        await Assertions.Expect(page.GetByTestId("results-stale")).ToHaveCountAsync(0);

        await S.TicketAsync("Latency spike on core-2 again", queueId: queue);
        await Assertions.Expect(page.GetByTestId("results-stale")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_Long_Board_Goes_Live_From_Its_Prerender_With_What_Changed_Meanwhile() => InBrowserAsync(async () =>
    {
        // 250 cards: far more than fits in one message of the Blazor connection, so the prerendered
        // board must reach the circuit by key, not through the page.
        var queue = await S.QueueAsync("Board long");
        await S.GrantAllAsync(await S.UserAsync("pia", password: Password), queue, AgentRights);
        var ids = new List<int>();
        for (var i = 0; i < 250; i++) ids.Add(await S.TicketAsync($"Port flap {i} on agg-3", queueId: queue));
        var pia = await LogInAsync("pia", Password);

        await pia.GotoAsync("board", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(pia.Locator("[data-testid=card]")).ToHaveCountAsync(250); // the prerender
        await S.ApplyAsync(await S.RootAsync(), ids[0], new SetStatus("stalled")); // before or while the circuit starts
        await CircuitReadyAsync(pia);

        await Assertions.Expect(pia.Locator($"[data-testid=column-stalled] [data-ticket=\"{ids[0]}\"]")).ToBeVisibleAsync();
        await pia.Locator($"[data-ticket=\"{ids[1]}\"]").DragToAsync(pia.Locator("[data-testid=column-open] [data-testid=dropzone]"));
        await Assertions.Expect(pia.Locator($"[data-testid=column-open] [data-ticket=\"{ids[1]}\"]")).ToBeVisibleAsync();
        Assert.Equal("open", (await S.LoadTicketAsync(ids[1])).Status);
        await Assertions.Expect(pia.Locator("[data-testid=card]")).ToHaveCountAsync(250);
    });
}
