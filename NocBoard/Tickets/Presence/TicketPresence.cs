using System.Collections.Concurrent;

namespace NocBoard.Tickets.Presence;

/// <summary>Someone with a ticket open, and whether they are writing a reply right now.</summary>
public sealed record Viewer(string Name, bool Typing);

/// <summary>
/// Who has which ticket open, so two agents do not answer the same customer twice. In memory and
/// per app instance: presence is a hint on screen, not a record.
/// </summary>
public sealed class TicketPresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Viewer>> tickets = new();

    /// <summary>Raised with the ticket number whenever someone arrives, leaves, or starts or stops typing.</summary>
    public event Action<int>? Changed;

    /// <summary>Marks a page as viewing the ticket; dispose the handle when the page goes.</summary>
    public Handle Join(int ticketId, string name)
    {
        var handle = new Handle(this, ticketId, Guid.NewGuid(), name);
        tickets.GetOrAdd(ticketId, _ => new())[handle.Id] = new Viewer(name, false);
        Changed?.Invoke(ticketId);
        return handle;
    }

    /// <summary>The others with the ticket open (one entry per person, typing if any of their pages is).</summary>
    public IReadOnlyList<Viewer> Others(int ticketId, string me) =>
        tickets.TryGetValue(ticketId, out var viewers)
            ? viewers.Values.Where(v => v.Name != me).GroupBy(v => v.Name)
                .Select(g => new Viewer(g.Key, g.Any(v => v.Typing))).OrderBy(v => v.Name).ToList()
            : [];

    private void Set(Handle handle, bool typing)
    {
        if (!tickets.TryGetValue(handle.TicketId, out var viewers) || !viewers.TryGetValue(handle.Id, out var current) || current.Typing == typing) return;
        viewers[handle.Id] = current with { Typing = typing };
        Changed?.Invoke(handle.TicketId);
    }

    private void Leave(Handle handle)
    {
        if (tickets.TryGetValue(handle.TicketId, out var viewers) && viewers.TryRemove(handle.Id, out _))
        {
            if (viewers.IsEmpty) tickets.TryRemove(new KeyValuePair<int, ConcurrentDictionary<Guid, Viewer>>(handle.TicketId, viewers));
            Changed?.Invoke(handle.TicketId);
        }
    }

    public sealed class Handle(TicketPresence presence, int ticketId, Guid id, string name) : IDisposable
    {
        public int TicketId { get; } = ticketId;
        public Guid Id { get; } = id;
        public string Name { get; } = name;

        public void Typing(bool typing) => presence.Set(this, typing);

        public void Dispose() => presence.Leave(this);
    }
}
