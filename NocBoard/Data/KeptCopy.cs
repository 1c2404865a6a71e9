namespace NocBoard.Data;

/// <summary>
/// Something read from the database and kept until a commit changes a row of the types it was
/// read from (<see cref="ChangeGenerations"/>): for data read on nearly every request and edited
/// rarely. The figure is taken before the read, so a read that raced a write is read again next
/// time. What is kept is shared between requests and must only be read.
/// </summary>
public sealed class KeptCopy<T>(ChangeGenerations generations, params Type[] readFrom) where T : class
{
    private volatile Snapshot? snapshot;

    private sealed record Snapshot(long Generation, T Value);

    public async Task<T> GetAsync(Func<Task<T>> read)
    {
        var generation = generations.Of(countAdded: true, readFrom);
        if (snapshot is { } kept && kept.Generation == generation) return kept.Value;
        var value = await read();
        snapshot = new Snapshot(generation, value);
        return value;
    }
}
