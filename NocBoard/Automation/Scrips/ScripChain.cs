namespace NocBoard.Automation.Scrips;

/// <summary>
/// Which scrips led to the change being written now, carried along the async flow from the scrip
/// runner into <see cref="TicketService"/> and its contributors: the chain's length is the depth
/// limit, and a scrip already in the chain does not fire again (a loop).
/// </summary>
public sealed record ScripChain(IReadOnlyList<int> ScripIds)
{
    private static readonly AsyncLocal<ScripChain?> current = new();

    public static readonly ScripChain Empty = new([]);

    public static ScripChain Current => current.Value ?? Empty;

    public int Depth => ScripIds.Count;

    public bool Contains(int scripId) => ScripIds.Contains(scripId);

    public ScripChain Then(int scripId) => new([.. ScripIds, scripId]);

    /// <summary>Makes <paramref name="chain"/> current until disposed.</summary>
    public static IDisposable Enter(ScripChain chain)
    {
        var previous = current.Value;
        current.Value = chain;
        return new Restore(previous);
    }

    private sealed class Restore(ScripChain? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
