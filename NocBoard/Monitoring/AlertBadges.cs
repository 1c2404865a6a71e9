using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Monitoring;

/// <summary>
/// The alert state of alert tickets, in memory, for their cards: filled at start from the current
/// episodes and updated after each committed alert. A card subscribes for its ticket, so the badge
/// changes even when the card's own update arrived first.
/// </summary>
public sealed class AlertBadges
{
    private readonly ConcurrentDictionary<int, AlertBadge> badges = new();
    private readonly ConcurrentDictionary<int, ImmutableHandlers> watchers = new();

    public AlertBadge? For(int ticketId) => badges.GetValueOrDefault(ticketId);

    public void Set(int ticketId, AlertBadge badge)
    {
        badges[ticketId] = badge;
        if (watchers.TryGetValue(ticketId, out var handlers))
            foreach (var handler in handlers.Items) handler(badge);
    }

    /// <summary>Calls <paramref name="changed"/> whenever the ticket's badge changes; dispose to stop.</summary>
    public IDisposable Watch(int ticketId, Action<AlertBadge> changed)
    {
        watchers.AddOrUpdate(ticketId, _ => new([changed]), (_, h) => new([.. h.Items, changed]));
        return new Unwatch(() =>
        {
            while (watchers.TryGetValue(ticketId, out var current))
            {
                var rest = current.Items.Where(h => h != changed).ToArray();
                if (rest.Length == 0 ? watchers.TryRemove(new(ticketId, current)) : watchers.TryUpdate(ticketId, new(rest), current)) break;
            }
        });
    }

    public async Task LoadAsync(NocDbContext db, CancellationToken ct)
    {
        var sources = await db.Set<AlertSource>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var current = await db.Set<AlertEpisode>().AsNoTracking().Where(e => e.CurrentKey != null).ToListAsync(ct);
        foreach (var e in current)
            badges[e.TicketId] = Of(e, sources.GetValueOrDefault(e.SourceId, "?"));
    }

    public static AlertBadge Of(AlertEpisode e, string source) => new(source, e.Key, e.State, e.Count, e.LastSeen, e.Flapping);

    private sealed record ImmutableHandlers(Action<AlertBadge>[] Items);

    private sealed class Unwatch(Action undo) : IDisposable
    {
        private int done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) undo();
        }
    }
}
