namespace NocBoard.Board.Pages;

/// <summary>
/// Wakes a board when the next of its cards falls due, so the card turns red on a board where
/// nothing else happens. One timer a board, set for the nearest due time still ahead.
/// </summary>
public sealed class DueTimer(TimeProvider clock, Action fallsDue) : IDisposable
{
    // A card is overdue once its due time has passed, not at the instant itself.
    private static readonly TimeSpan Past = TimeSpan.FromMilliseconds(20);

    private ITimer? timer;
    private DateTimeOffset? set;

    /// <summary>Sets the timer for the nearest due time after now among <paramref name="cards"/>.</summary>
    public void Follow(IEnumerable<BoardCard> cards)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var card in cards)
            if (card.Due is { } due && due >= now && (next is null || due < next)) next = due;
        if (next == set) return;
        set = next;
        timer?.Dispose();
        timer = next is { } at ? clock.CreateTimer(_ => fallsDue(), null, at - now + Past, Timeout.InfiniteTimeSpan) : null;
    }

    public void Dispose() => timer?.Dispose();
}
