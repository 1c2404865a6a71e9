using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Monitoring;

/// <summary>
/// The alert state of alert tickets, in memory, for their cards: filled at start from the current
/// episodes and updated after each committed alert. A board watches for its tickets' badges, so the
/// badge changes even when the card's own update arrived first.
/// </summary>
public sealed class AlertBadges
{
    private readonly ConcurrentDictionary<int, AlertBadge> badges = new();
    // Replaced whole on every change, so Set reads a consistent list without a lock.
    private Action<int, AlertBadge>[] watchers = [];

    public AlertBadge? For(int ticketId) => badges.GetValueOrDefault(ticketId);

    public void Set(int ticketId, AlertBadge badge)
    {
        badges[ticketId] = badge;
        foreach (var handler in Volatile.Read(ref watchers)) handler(ticketId, badge);
    }

    /// <summary>
    /// Calls <paramref name="changed"/> with the ticket whenever any badge changes; dispose to stop.
    /// One watch for a whole board: a screen follows all its cards with one handler rather than one
    /// a card (200 cards, 50 screens: 10,000 registrations to keep).
    /// </summary>
    public IDisposable WatchAll(Action<int, AlertBadge> changed)
    {
        Change(current => [.. current, changed]);
        return new Unwatch(() => Change(current => current.Where(h => h != changed).ToArray()));
    }

    private void Change(Func<Action<int, AlertBadge>[], Action<int, AlertBadge>[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref watchers);
            if (Interlocked.CompareExchange(ref watchers, change(current), current) == current) return;
        }
    }

    public async Task LoadAsync(NocDbContext db, CancellationToken ct)
    {
        var sources = await db.Set<AlertSource>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var current = await db.Set<AlertEpisode>().AsNoTracking().Where(e => e.CurrentKey != null).ToListAsync(ct);
        foreach (var e in current)
            badges[e.TicketId] = Of(e, sources.GetValueOrDefault(e.SourceId, "?"));
    }

    public static AlertBadge Of(AlertEpisode e, string source) => new(source, e.Key, e.State, e.Count, e.LastSeen, e.Flapping);

    private sealed class Unwatch(Action undo) : IDisposable
    {
        private int done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) undo();
        }
    }
}
