using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Board;
using NocBoard.Board.Pages;
using NocBoard.Monitoring;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

/// <summary>The alert badge on an alert ticket's board card (drawn by Board/Pages/CardMarkup.cs), live from <see cref="AlertBadges"/>.</summary>
public class BoardCardAlertBadgeTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public BoardCardAlertBadgeTests() => Ready();

    private static BoardCard Card(int id) => new(id, "[nagios] Host core-sw-fra1 is DOWN", 1, "new", 80, null, 1, Now, null, false, null);

    private static BoardView ViewOf(BoardCard card) => new()
    {
        Definition = new BoardDefinition { Name = "NOC" }, Columns = ["new"], Cards = [card], Queues = [], Owners = [],
    };

    // A board's column follows its cards' badges through the board's BadgeWatch.
    private IRenderedComponent<BoardCards> Show(BoardCard card, AlertBadges badges)
    {
        var version = 0;
        IRenderedComponent<BoardCards>? column = null;
        var watch = new BadgeWatch(badges, () => column!.Render(p => p.Add(x => x.BadgeVersion, ++version)));
        watch.Follow([card]);
        column = Render<BoardCards>(p => p.Add(x => x.Cards, [card]).Add(x => x.View, ViewOf(card)).Add(x => x.Now, Now));
        return column;
    }

    [Fact]
    public void An_Ordinary_Card_Has_No_Alert_Badge()
    {
        var card = Show(Card(7), Services.GetRequiredService<AlertBadges>());
        Assert.Empty(card.FindAll("[data-testid=alert-badge]"));
    }

    [Fact]
    public void An_Alert_Card_Shows_Source_Key_State_Count_And_Follows_Changes()
    {
        var badges = Services.GetRequiredService<AlertBadges>();
        badges.Set(42, new AlertBadge("nagios", "core-sw-fra1", AlertState.Problem, 3, Now.AddMinutes(-1), Flapping: false));
        var card = Show(Card(42), badges);

        Assert.Equal("problem", card.Find("[data-testid=alert-state]").TextContent);
        Assert.Equal("×3", card.Find("[data-testid=alert-count]").TextContent);
        Assert.Contains("nagios · core-sw-fra1", card.Find("[data-testid=alert-badge]").TextContent);

        badges.Set(42, new AlertBadge("nagios", "core-sw-fra1", AlertState.Ok, 4, Now, Flapping: false));
        card.WaitForAssertion(() => Assert.Equal("ok", card.Find("[data-testid=alert-state]").TextContent));
        Assert.Equal("×4", card.Find("[data-testid=alert-count]").TextContent);
        Assert.Contains("noc-alert-ok", card.Find("[data-testid=alert-badge]").ClassName);
    }
}
