using Microsoft.Extensions.Time.Testing;
using NocBoard.Board;
using NocBoard.Board.Pages;

namespace NocBoard.Tests.Board;

public class DueTimerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static BoardCard Card(int id, DateTimeOffset? due) =>
        new(id, "Maintenance window FRA2", 1, "open", 50, null, 1, Now.AddHours(-1), due, false, null);

    [Fact]
    public void It_Wakes_The_Board_When_The_Nearest_Due_Time_Has_Passed_And_Then_For_The_Next()
    {
        var clock = new FakeTimeProvider(Now);
        var wakes = 0;
        using var timer = new DueTimer(clock, () => wakes++);
        BoardCard[] cards = [Card(1, Now.AddMinutes(-5)), Card(2, Now.AddMinutes(30)), Card(3, Now.AddMinutes(10)), Card(4, null)];

        timer.Follow(cards);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, wakes); // at the instant, not yet past it
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, wakes);

        // The board drew itself again and follows its cards: the next is #2.
        timer.Follow(cards);
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(1, wakes);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, wakes);

        timer.Follow(cards); // nothing ahead: no timer
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, wakes);
    }

    [Fact]
    public void A_Due_Time_Moved_Later_Moves_The_Timer()
    {
        var clock = new FakeTimeProvider(Now);
        var wakes = 0;
        using var timer = new DueTimer(clock, () => wakes++);
        timer.Follow([Card(1, Now.AddMinutes(5))]);

        timer.Follow([Card(1, Now.AddHours(2))]);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, wakes);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, wakes);
    }
}
