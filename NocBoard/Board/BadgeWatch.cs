using NocBoard.Monitoring;

namespace NocBoard.Board;

/// <summary>
/// Follows the alert badges of the tickets on one board, with one handler for the whole board: an
/// alert ticket's card may arrive before its badge does, so every card on the board is followed.
/// </summary>
public sealed class BadgeWatch(AlertBadges badges, Action changed) : IDisposable
{
    private readonly Dictionary<int, IDisposable> watches = [];
    private readonly Action<AlertBadge> onBadge = _ => changed();

    /// <summary>Follows exactly these tickets from now on.</summary>
    public void Follow(IEnumerable<BoardCard> cards)
    {
        var ids = cards.Select(c => c.Id).ToHashSet();
        foreach (var gone in watches.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            watches[gone].Dispose();
            watches.Remove(gone);
        }
        foreach (var id in ids)
            if (!watches.ContainsKey(id)) watches[id] = badges.Watch(id, onBadge);
    }

    public void Dispose()
    {
        foreach (var watch in watches.Values) watch.Dispose();
        watches.Clear();
    }
}
