using NocBoard.Board;
using NocBoard.Board.Pages;
using NocBoard.Monitoring;
using NocBoard.Site;
using Microsoft.Extensions.Options;

namespace NocBoard.Tests.Board;

public class SharedCardMarkupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 30, TimeSpan.Zero);
    private static readonly UserClock Clock = new(Options.Create(new SiteOptions()), TimeProvider.System);

    private static BoardCard Card(int priority = 50, int version = 3) =>
        new(1, "Packet loss on transit", 1, "open", priority, null, version, Now.AddHours(-2), null, false, "cust@example.com");

    private static CardMarkup.Context At(DateTimeOffset now, TimeZoneInfo? zone = null, bool movable = true) => new(Clock, zone, now, movable, Openable: true);

    [Fact]
    public void Two_Screens_Showing_The_Same_Card_In_The_Same_Minute_Share_One_Copy()
    {
        var shared = new SharedCardMarkup();

        var first = shared.Of(Card(), "Outages", "AS", null, At(Now));
        var second = shared.Of(Card(), "Outages", "AS", null, At(Now.AddSeconds(20)));

        Assert.Same(first, second);
        Assert.Equal(CardMarkup.Of(Card(), "Outages", "AS", null, At(Now)), first);
    }

    [Fact]
    public void Anything_The_Card_Shows_Differently_Is_Drawn_Again()
    {
        var shared = new SharedCardMarkup();
        var first = shared.Of(Card(), "Outages", "AS", null, At(Now));

        Assert.Contains(">90</span>", shared.Of(Card(priority: 90, version: 4), "Outages", "AS", null, At(Now)));
        Assert.Contains(">50</span>", first);
        Assert.Contains("Backbone", shared.Of(Card(), "Backbone", "AS", null, At(Now)));
        Assert.Contains("BO", shared.Of(Card(), "Outages", "BO", null, At(Now)));
        Assert.Contains("alert-badge", shared.Of(Card(), "Outages", "AS", new AlertBadge("nagios", "sw1", AlertState.Problem, 2, Now, false), At(Now)));
        Assert.DoesNotContain("move-menu", shared.Of(Card(), "Outages", "AS", null, At(Now, movable: false)));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Contains("Europe/Berlin", shared.Of(Card(), "Outages", "AS", null, At(Now, berlin)));
    }

    [Fact]
    public void A_New_Minute_Draws_Cards_Again_And_A_Screen_Still_In_The_Last_Minute_Gets_Its_Own()
    {
        var shared = new SharedCardMarkup();
        var before = shared.Of(Card(), "Outages", "AS", null, At(Now));

        var next = shared.Of(Card(), "Outages", "AS", null, At(Now.AddMinutes(1)));
        var late = shared.Of(Card(), "Outages", "AS", null, At(Now.AddSeconds(5)));
        var muchLater = shared.Of(Card(), "Outages", "AS", null, At(Now.AddMinutes(3)));
        var behind = shared.Of(Card(), "Outages", "AS", null, At(Now));

        Assert.NotSame(before, next);
        Assert.Same(before, late); // the minute before is still kept
        Assert.NotSame(next, muchLater);
        Assert.NotSame(before, behind); // long gone: drawn for that screen alone
        Assert.Equal(before, behind);
    }

    [Fact]
    public void A_Card_Falling_Due_Within_The_Minute_Is_Drawn_Overdue_From_Then_On()
    {
        var shared = new SharedCardMarkup();
        var card = Card() with { Due = Now.AddSeconds(10) };

        var before = shared.Of(card, "Outages", "AS", null, At(Now));
        var after = shared.Of(card, "Outages", "AS", null, At(Now.AddSeconds(20)));

        Assert.DoesNotContain("data-testid=\"overdue\"", before);
        Assert.Contains("data-testid=\"overdue\"", after);
    }
}
