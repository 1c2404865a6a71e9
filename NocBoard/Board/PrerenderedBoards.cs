using System.Collections.Concurrent;

namespace NocBoard.Board;

/// <summary>
/// Boards a prerender loaded, kept in server memory for a few seconds so that the live circuit
/// that follows can start from them instead of loading and drawing the board again. Only the key
/// goes through the page (PersistentComponentState): a board of 1,000 cards is far larger than the
/// 32 KB a Blazor connection accepts in one message, and has no business travelling to the browser
/// and back. A key is taken once, by the same viewer, for the same board, within <see cref="KeptFor"/>;
/// anything else (another instance, a page never made live) simply loads the board.
/// </summary>
public sealed class PrerenderedBoards(TimeProvider clock)
{
    /// <summary>How long a prerendered board waits for its circuit.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    // Prerenders whose page never goes live (a crawler, curl, a closed tab) must not pile up.
    private const int MaxKept = 32;

    private readonly ConcurrentDictionary<Guid, Kept> kept = new();

    public sealed record Kept(int ViewerId, BoardView View, DateTimeOffset LoadedAt);

    public Guid Keep(int viewerId, BoardView view, DateTimeOffset loadedAt)
    {
        Sweep();
        var key = Guid.NewGuid();
        kept[key] = new Kept(viewerId, view, loadedAt);
        return key;
    }

    public Kept? Take(Guid key, int viewerId, int boardId) =>
        kept.TryRemove(key, out var board) && board.ViewerId == viewerId && board.View.Definition.Id == boardId
        && clock.GetUtcNow() - board.LoadedAt <= KeptFor ? board : null;

    public int Count => kept.Count;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, board) in kept)
            if (now - board.LoadedAt > KeptFor) kept.TryRemove(key, out _);
        while (kept.Count >= MaxKept && kept.MinBy(k => k.Value.LoadedAt) is { Key: var oldest }) kept.TryRemove(oldest, out _);
    }
}
