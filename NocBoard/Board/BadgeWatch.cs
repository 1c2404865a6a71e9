using NocBoard.Monitoring;

namespace NocBoard.Board;

/// <summary>
/// Follows the alert badges of the tickets on one board, with one handler for the whole board: an
/// alert ticket's card may arrive before its badge does, so every card on the board is followed.
/// </summary>
public sealed class BadgeWatch : IDisposable
{
    private readonly IDisposable watch;

    // Replaced whole by Follow (on the circuit) and read by the badge handler (on the alert's thread).
    private volatile HashSet<int> followed = [];

    public BadgeWatch(AlertBadges badges, Action changed) =>
        watch = badges.WatchAll((ticket, _) =>
        {
            if (followed.Contains(ticket)) changed();
        });

    /// <summary>Follows exactly these tickets from now on.</summary>
    public void Follow(IEnumerable<BoardCard> cards) => followed = cards.Select(c => c.Id).ToHashSet();

    public void Dispose() => watch.Dispose();
}
