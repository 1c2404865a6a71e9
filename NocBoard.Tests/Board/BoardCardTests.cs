using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NocBoard.Board;
using NocBoard.Board.Pages;
using NocBoard.Site;

using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class BoardCardTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public BoardCardTests()
    {
        Ready();
    }

    private static BoardView ViewOf(params BoardCard[] cards) => new()
    {
        Definition = new BoardDefinition { Name = "NOC" },
        Columns = ["new", "open"],
        Cards = [.. cards],
        Queues = new() { [1] = "Outages" },
        Owners = new() { [7] = "Alice Smith" },
    };

    private IRenderedComponent<BoardCards> Show(BoardCard card, Action<ComponentParameterCollectionBuilder<BoardCards>>? more = null) =>
        Render<BoardCards>(p =>
        {
            p.Add(x => x.Cards, [card]).Add(x => x.View, ViewOf(card)).Add(x => x.Now, Now);
            more?.Invoke(p);
        });

    private static BoardCard Card(int id = 1, string status = "open", int priority = 50, bool blocked = false, DateTimeOffset? due = null, int? owner = null) =>
        new(id, "Packet loss on transit", 1, status, priority, owner, 3, Now.AddHours(-2), due, blocked, "cust@example.com");

    [Fact]
    public void A_Blocked_Overdue_High_Priority_Card_Says_So()
    {
        var card = Show(Card(priority: 90, blocked: true, due: Now.AddMinutes(-5), owner: 7));
        Assert.NotNull(card.Find("[data-testid=blocked]"));
        Assert.NotNull(card.Find("[data-testid=overdue]"));
        Assert.Contains("noc-prio-high", card.Find("[data-testid=card]").ClassName);
        Assert.Equal("AS", card.Find(".noc-owner").TextContent);
        Assert.Contains("cust@example.com", card.Markup);
        Assert.Contains("Outages", card.Find(".noc-card-meta").TextContent);
    }

    [Fact]
    public void A_Subject_And_Requestor_That_Look_Like_Markup_Are_Shown_As_Text()
    {
        // Cards are written as markup strings: whatever a mail's sender put in the subject must stay text.
        var card = Show(Card() with { Subject = "<img src=x onerror=alert(1)> down", Requestor = "\"<b>x</b>\" <evil@example.com>" });
        Assert.Empty(card.FindAll("img"));
        Assert.Empty(card.FindAll(".noc-card-meta b"));
        Assert.Equal("<img src=x onerror=alert(1)> down", card.Find(".noc-card-subject").TextContent);
        Assert.Contains("<b>x</b>", card.Find(".noc-card-meta").TextContent);
    }

    [Fact]
    public void A_Card_Due_Later_Is_Neither_Overdue_Nor_Blocked()
    {
        var card = Show(Card(due: Now.AddHours(5)));
        Assert.Empty(card.FindAll("[data-testid=blocked]"));
        Assert.Empty(card.FindAll("[data-testid=overdue]"));
        Assert.NotNull(card.Find("[data-testid=due]"));
    }

    [Fact]
    public void A_Column_Over_Its_Wip_Limit_Is_Flagged_And_Lanes_Group_Cards()
    {
        var view = new BoardView
        {
            Definition = new BoardDefinition { Name = "NOC", WipLimits = new() { ["open"] = 1 }, Swimlanes = Swimlanes.Owner },
            Columns = ["new", "open"],
            Cards = [Card(1, owner: 7), Card(2, owner: 8), Card(3, status: "new")],
            Queues = new() { [1] = "Outages" },
            Owners = new() { [7] = "Alice Smith", [8] = "bob" },
        };
        Assert.True(view.OverLimit("open"));
        Assert.False(view.OverLimit("new"));
        Assert.Equal(["Alice Smith", "bob", "Nobody"], view.Lanes);
        Assert.Equal(("AS", "B", ""), (view.InitialsOf(7), view.InitialsOf(8), view.InitialsOf(null)));
    }

    [Fact]
    public void A_Committed_Change_Moves_The_Card_And_Keeps_What_The_Change_Does_Not_Carry()
    {
        var card = Card(blocked: true);
        var change = new NocBoard.Tickets.TicketCommitted(1, 1, 2, "Packet loss fixed", "resolved", 7, 60, card.Created, null, Now, 4, []);
        var moved = card.With(change);
        Assert.Equal(("resolved", 2, 7, 4, 60), (moved.Status, moved.QueueId, moved.OwnerId, moved.Version, moved.Priority));
        Assert.True(moved.Blocked);
        Assert.Equal("cust@example.com", moved.Requestor);
    }

    [Fact]
    public void The_Move_Button_Asks_The_Board_To_Offer_Moves_For_This_Card()
    {
        BoardCard? asked = null;
        var card = Show(Card(id: 42), p => p.Add(x => x.ChooseMove, c => { asked = c; return Task.CompletedTask; }));

        var button = card.Find("[data-testid=move-menu]");
        Assert.Equal("Move #42 to…", button.GetAttribute("aria-label"));
        Assert.Equal("move", button.GetAttribute("data-card-action"));
        // What js/board.js makes of a click on that button, delivered where the column listens.
        card.Find("[data-testid=dropzone]").TriggerEvent("oncardaction", new CardActionEventArgs { Ticket = 42, Action = "move" });

        Assert.Equal(42, asked?.Id);
    }

    [Fact]
    public void A_Card_On_The_Wall_Has_No_Move_Button()
    {
        var card = Show(Card());
        Assert.Empty(card.FindAll("[data-testid=move-menu]"));
        Assert.Null(card.Find("[data-testid=card]").GetAttribute("draggable"));
    }

    [Fact]
    public void A_Card_Draws_Again_Only_When_What_It_Shows_Changed()
    {
        var shown = Card(priority: 20);
        var view = ViewOf(shown);
        var card = Render<BoardCards>(p => p.Add(x => x.Cards, [shown]).Add(x => x.View, view).Add(x => x.Now, Now));
        var renders = card.RenderCount;

        // The board rendered again for another column's change: a new list, an equal card.
        card.Render(p => p.Add(x => x.Cards, [shown with { }]).Add(x => x.View, view).Add(x => x.Now, Now.AddSeconds(5)));
        Assert.Equal(renders, card.RenderCount);

        card.Render(p => p.Add(x => x.Cards, [shown with { Priority = 90 }]).Add(x => x.View, view).Add(x => x.Now, Now.AddSeconds(5)));
        Assert.Equal(renders + 1, card.RenderCount);
        Assert.Contains("noc-prio-high", card.Find("[data-testid=card]").ClassName);
    }

    [Fact]
    public void When_One_Card_Of_A_Column_Changes_The_Others_Keep_Their_Markup_And_Passing_Time_Redraws_Only_A_Card_Falling_Due()
    {
        var first = Card(id: 1, priority: 20);
        var second = Card(id: 2, priority: 10, due: Now.AddHours(1)) with { Subject = "Optics warning on sw-2" };
        var view = ViewOf(first, second);
        var column = Render<BoardCards>(p => p.Add(x => x.Cards, [first, second]).Add(x => x.View, view).Add(x => x.Now, Now));
        string MarkupOf(IRenderedComponent<BoardCards> c, int id) => c.Find($"[data-ticket=\"{id}\"]").OuterHtml;
        var secondBefore = MarkupOf(column, 2);

        column.Render(p => p.Add(x => x.Cards, [first with { Priority = 90, Version = 4 }, second]).Add(x => x.View, view).Add(x => x.Now, Now));
        Assert.Contains("noc-prio-high", column.Find("[data-ticket=\"1\"]").ClassName);
        Assert.Equal(secondBefore, MarkupOf(column, 2));
        var firstAfter = MarkupOf(column, 1);

        // Half an hour on, the same cards: the ages in the markup are the browser's to keep current, nothing is drawn.
        var renders = column.RenderCount;
        column.Render(p => p.Add(x => x.Cards, [first with { Priority = 90, Version = 4 }, second]).Add(x => x.View, view).Add(x => x.Now, Now.AddMinutes(30)));
        Assert.Equal(renders, column.RenderCount);
        Assert.Empty(column.FindAll("[data-ticket=\"2\"] [data-testid=overdue]"));

        // Past the second's due time: it is drawn again, overdue; the first keeps its markup.
        column.Render(p => p.Add(x => x.Cards, [first with { Priority = 90, Version = 4 }, second]).Add(x => x.View, view).Add(x => x.Now, Now.AddHours(3)));
        Assert.NotEqual(secondBefore, MarkupOf(column, 2));
        Assert.Single(column.FindAll("[data-ticket=\"2\"] [data-testid=overdue]"));
        Assert.Equal(firstAfter, MarkupOf(column, 1));
    }

    [Fact]
    public void Ages_Carry_Their_Moment_For_The_Browser_To_Keep_Current()
    {
        var card = Show(Card(due: Now.AddMinutes(90)));
        var created = card.Find(".noc-card-meta time[data-age]");
        Assert.Equal("2026-11-23T10:00:00Z", created.GetAttribute("datetime"));
        Assert.Equal("2026-11-23T13:30:00Z", card.Find("[data-testid=due] time[data-age]").GetAttribute("datetime"));
    }
}
