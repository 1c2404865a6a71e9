using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using NocBoard.Accounts.Rights;
using NocBoard.Site;
using NocBoard.Tickets.Changes;
using Xunit.Abstractions;

namespace NocBoard.Tests.Browser;

/// <summary>
/// Relative times ("5 minutes ago") are kept current by the browser (ages.js), in the server's
/// words: a board left open shows ages that move on without the server drawing its cards again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RelativeTimeTests(ChromiumFixture chromium, BrowserApp app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output)
{
    private const string Password = "Ages-Password-1";

    [Fact]
    public Task The_Browser_Words_An_Age_As_The_Server_Does() => InBrowserAsync(async () =>
    {
        // Every page carries ages.js, the login page too.
        var page = await NewBrowserAsync("visitor");
        await page.GotoAsync("Account/Login");
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 30, TimeSpan.Zero);
        var server = new UserClock(Options.Create(new SiteOptions()), new FakeTimeProvider(now));
        TimeSpan[] ages =
        [
            TimeSpan.Zero, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(119), TimeSpan.FromMinutes(2),
            TimeSpan.FromMinutes(59.9), TimeSpan.FromHours(1), TimeSpan.FromHours(23.99), TimeSpan.FromHours(24),
            TimeSpan.FromDays(59.9), TimeSpan.FromDays(60), TimeSpan.FromDays(400),
        ];
        foreach (var age in ages.Concat(ages.Select(a => -a)))
        {
            var when = now - age;
            var inBrowser = await page.EvaluateAsync<string>("([when, now]) => nocAges.relative(when, now)",
                new[] { when.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() });
            Assert.True(server.Relative(when) == inBrowser, $"{age}: the server says \"{server.Relative(when)}\", the browser \"{inBrowser}\"");
        }
    });

    // An agent who may see one queue, signed in, and a ticket there.
    private async Task<(IPage Page, int Ticket)> AgentWithTicketAsync(string agent, string queueName, string subject)
    {
        var queue = await S.QueueAsync(queueName);
        await S.GrantAllAsync(await S.UserAsync(agent, password: Password), queue, Right.SeeQueue, Right.ShowTicket);
        var id = await S.TicketAsync(subject, queueId: queue);
        return (await LogInAsync(agent, Password), id);
    }

    [Fact]
    public Task A_Card_On_An_Open_Board_Ages_By_Itself() => InBrowserAsync(async () =>
    {
        var (page, id) = await AgentWithTicketAsync("jonas", "Ages", "Fibre cut near FRA2");
        await OpenAsync(page, "board");
        var age = page.Locator($"[data-testid=card][data-ticket=\"{id}\"] .noc-card-meta time[data-age]");
        await Expect(age).ToHaveTextAsync("just now");

        // Seven minutes on by the page's clock: nothing changes on the server, the age moves on (within the refresh interval).
        await page.Clock.SetFixedTimeAsync(DateTime.UtcNow.AddMinutes(7).AddSeconds(5));
        await Expect(age).ToHaveTextAsync("7 minutes ago", new() { Timeout = 15_000 });
    });

    [Fact]
    public Task A_Card_On_An_Open_Board_Turns_Overdue_When_Its_Due_Time_Passes() =>
        InBrowserAsync(() => TurnsOverdueAsync("karin", "board"));

    // The wall draws again only when its clock's minute turns, or when a card falls due.
    [Fact]
    public Task A_Card_On_A_Wall_Turns_Overdue_When_Its_Due_Time_Passes() =>
        InBrowserAsync(() => TurnsOverdueAsync("lotte", "wall"));

    // The due time is set with the page open and passes well before the minute turns, so only the
    // page's due timer can draw the card red in time (the wall also draws at each minute's turn).
    private async Task TurnsOverdueAsync(string agent, string path)
    {
        var (page, id) = await AgentWithTicketAsync(agent, $"Due soon on {path}", "Maintenance window closes");
        await OpenAsync(page, path);
        var card = page.Locator($"[data-testid=card][data-ticket=\"{id}\"]");
        await Expect(card).ToBeVisibleAsync();
        if (DateTimeOffset.UtcNow.Second > 40) await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        var due = DateTimeOffset.UtcNow.AddSeconds(6);
        await S.ApplyAsync(await S.RootAsync(), id, new SetField(TicketField.Due, due.ToString("o")));
        await Expect(card.Locator("[data-testid=due]")).ToBeVisibleAsync();
        Assert.True(DateTimeOffset.UtcNow < due, "the change reached the page after the due time; the test proves nothing");

        // Nothing changes on the server after the due time: the page's timer draws the card again, red.
        await Expect(card.Locator("[data-testid=overdue]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 == due.ToUnixTimeSeconds() / 60,
            "the minute turned before the card turned red; the test proves nothing");
    }
}
