namespace NocBoard.Data;

/// <summary>
/// Lets one ticket write at a time into an embedded SQLite database. SQLite has a single writer;
/// two connections that both read and then write fail with "database is locked" instead of
/// waiting, so writers queue here. On PostgreSQL the gate is open and row versions do the work.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!serialize) return NoRelease.Instance;
        await semaphore.WaitAsync(ct);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) semaphore.Release();
        }
    }

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();
        public void Dispose() { }
    }
}
