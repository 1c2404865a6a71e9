using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NocBoard.Accounts;
using NocBoard.Tests.Accounts.WallDisplays;
using NocBoard.Tests.Support;
using NocBoard.Tickets.Changes;
using Xunit.Abstractions;

namespace NocBoard.Tests.Browser;

/// <summary>The wall screen as a display in the operations room uses it: signed in with its token, left alone for days.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallScreenTests(ChromiumFixture chromium, BrowserApp app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output)
{
    private readonly ChromiumFixture chromium = chromium;

    private static string Card(int id) => $"[data-testid=card][data-ticket=\"{id}\"]";

    [Fact]
    public Task A_Display_Opens_Its_Wall_With_A_Token_Rotates_Boards_Stays_Live_And_Stops_When_Revoked() => InBrowserAsync(async () =>
    {
        var mine = await S.QueueAsync("Wall room A");
        var others = await S.QueueAsync("Wall room B");
        var seen = await S.TicketAsync("Core router CPU at 95%", queueId: mine);
        var hidden = await S.TicketAsync("Tenant B outage", queueId: others);
        var display = await S.WallDisplayAsync("Ops room left", mine);
        var (first, second) = await S.DbAsync(async db =>
        {
            var a = new NocBoard.Board.BoardDefinition { Name = "Wall board one" };
            var b = new NocBoard.Board.BoardDefinition { Name = "Wall board two" };
            db.Boards.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var wall = await NewBrowserAsync("wall");

        await OpenAsync(wall, $"wall/{first}?rotate={first},{second}&every=10&token={Uri.EscapeDataString(display.Secret)}");

        Assert.DoesNotContain("token", wall.Url);
        await Expect(wall.Locator($"[data-testid=column-new] {Card(seen)}")).ToBeVisibleAsync();
        await Expect(wall.Locator(Card(hidden))).ToHaveCountAsync(0);
        await S.ApplyAsync(await S.RootAsync(), seen, new SetStatus("open"));
        await Expect(wall.Locator($"[data-testid=column-open] {Card(seen)}")).ToBeVisibleAsync();

        // Rotation moves on inside the circuit: the token's sign-in carries over.
        await Expect(wall).ToHaveURLAsync(new Regex($"/wall/{second}\\?rotate="), new() { Timeout = 20_000 });
        await Expect(wall.Locator(".noc-wall-title")).ToHaveTextAsync("Wall board two");
        await Expect(wall.Locator(Card(seen))).ToBeVisibleAsync();

        await S.RevokeAsync(display);
        await Expect(wall.GetByTestId("wall-revoked")).ToBeVisibleAsync();
        await Expect(wall.Locator(Card(seen))).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_Display_Rotates_Between_A_Board_And_The_Dashboard_Which_Stays_Live() => InBrowserAsync(async () =>
    {
        var room = await S.QueueAsync("Wall room C");
        var seen = await S.TicketAsync("Core switch fan failure", queueId: room);
        var display = await S.WallDisplayAsync("Ops room right", room);
        var board = await S.DbAsync(async db =>
        {
            var b = new NocBoard.Board.BoardDefinition { Name = "Wall board three" };
            db.Boards.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var wall = await NewBrowserAsync("wall");

        await OpenAsync(wall, $"wall/{board}?rotate={board},dashboard&every=10&token={Uri.EscapeDataString(display.Secret)}");
        await Expect(wall.Locator(Card(seen))).ToBeVisibleAsync();

        await Expect(wall).ToHaveURLAsync(new Regex("/wall/dashboard\\?rotate="), new() { Timeout = 20_000 });
        await Expect(wall.Locator(".noc-wall-title")).ToHaveTextAsync("Dashboard");
        await Expect(wall.GetByTestId("wall-unowned")).ToContainTextAsync("Core switch fan failure");

        // A ticket made meanwhile (as mail or an alert would) reaches the dashboard without a reload.
        await S.CreateAsync(await S.RootAsync(), new NewTicket { QueueId = room, Subject = "UPS on battery in DC-1" });
        await Expect(wall.GetByTestId("wall-unowned")).ToContainTextAsync("UPS on battery in DC-1");

        await Expect(wall).ToHaveURLAsync(new Regex($"/wall/{board}\\?rotate="), new() { Timeout = 20_000 });
        await Expect(wall.Locator(".noc-wall-title")).ToHaveTextAsync("Wall board three");
    });

    [Fact]
    public async Task A_Wall_Screen_Is_Current_Again_By_Itself_After_The_Network_Drops_And_After_The_Server_Restarts()
    {
        var data = Path.Combine(Path.GetTempPath(), "nocboard-tests", Guid.NewGuid().ToString("N"));
        int ticket;
        NocBoard.Admin.WallDisplays.NewWallDisplay display;
        await using (var seed = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data }))
        {
            ticket = await seed.TicketAsync("Power feed B lost in DC-2");
            display = await seed.WallDisplayAsync("Ops room", await seed.GeneralQueueIdAsync());
        }
        var environment = new Dictionary<string, string?> { ["Data__Directory"] = data, ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword };
        var server = await AppProcess.StartAsync(environment);
        await using var proxy = new LoopbackProxy(server.Port);
        var wallContext = await chromium.Browser.NewContextAsync(new() { BaseURL = proxy.BaseAddress.ToString() });
        var rootContext = await chromium.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        var wall = await wallContext.NewPageAsync();
        var root = await rootContext.NewPageAsync();
        try
        {
            await OpenAsync(wall, $"wall?token={Uri.EscapeDataString(display.Secret)}");
            await Expect(wall.Locator($"[data-testid=column-new] {Card(ticket)}")).ToBeVisibleAsync();
            await LogInAsRootAsync(root);

            // The network goes away while someone moves the ticket, then comes back.
            proxy.Cut();
            await MoveAsync(root, ticket, "open");
            await Task.Delay(2000);
            proxy.Restore();
            await Expect(wall.Locator($"[data-testid=column-open] {Card(ticket)}")).ToBeVisibleAsync(new() { Timeout = 60_000 });

            // The server stops and starts again on the same port and data; nobody touches the wall.
            var port = server.Port;
            await server.DisposeAsync();
            server = await AppProcess.StartAsync(environment, port);
            await OpenAsync(root, "board");
            await MoveAsync(root, ticket, "stalled");

            await Expect(wall.Locator($"[data-testid=column-stalled] {Card(ticket)}")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Expect(wall).ToHaveURLAsync(new Regex("/wall$"));
            // Live again, not just reloaded once: a further change arrives without a reload.
            await MoveAsync(root, ticket, "open");
            await Expect(wall.Locator($"[data-testid=column-open] {Card(ticket)}")).ToBeVisibleAsync();
        }
        catch (Exception failure)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            foreach (var (who, page) in new[] { ("wall", wall), ("root", root) })
            {
                try { await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{nameof(WallScreenTests)}.restart.{who}.png"), Timeout = 10_000 }); }
                catch (PlaywrightException) { }
            }
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nWall at {wall.Url}.\nServer output:\n{server.Output}\n{failure.StackTrace}");
        }
        finally
        {
            await wallContext.CloseAsync();
            await rootContext.CloseAsync();
            await server.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task LogInAsRootAsync(IPage page)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.UserName").FillAsync(SystemUser.RootUserName);
        await page.Locator("#Input\\.Password").FillAsync(NocAppFactory.RootPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await OpenAsync(page, "board");
    }

    private static async Task MoveAsync(IPage board, int ticket, string status)
    {
        await board.Locator(Card(ticket)).DragToAsync(board.Locator($"[data-testid=column-{status}] [data-testid=dropzone]"));
        await Expect(board.Locator($"[data-testid=column-{status}] {Card(ticket)}")).ToBeVisibleAsync();
    }
}
