using System.Collections.Concurrent;

namespace NocBoard.Board;

/// <summary>
/// One copy of each card (and of its subject and requestor) for every screen that loaded it. Each
/// board screen loads its board itself; without this, fifty screens showing one board each kept
/// their own 200 cards. Cards are records: a screen gets the shared copy only when it is equal in
/// every field to what it loaded. Kept weakly: a card no screen shows any more is collected.
/// </summary>
public sealed class SharedBoardCards
{
    private readonly ConcurrentDictionary<(int Id, int Version), WeakReference<BoardCard>> cards = new();
    private int sharedSinceSweep;

    public BoardCard Share(BoardCard card)
    {
        var key = (card.Id, card.Version);
        if (cards.TryGetValue(key, out var kept) && kept.TryGetTarget(out var shared) && shared.Equals(card)) return shared;
        cards[key] = new WeakReference<BoardCard>(card);
        if (Interlocked.Increment(ref sharedSinceSweep) % 10_000 == 0) Sweep();
        return card;
    }

    public List<BoardCard> Share(List<BoardCard> loaded)
    {
        for (var i = 0; i < loaded.Count; i++) loaded[i] = Share(loaded[i]);
        return loaded;
    }

    // Entries whose card was collected (old versions, tickets gone from every board).
    private void Sweep()
    {
        foreach (var (key, kept) in cards)
            if (!kept.TryGetTarget(out _)) cards.TryRemove(new(key, kept));
    }
}
