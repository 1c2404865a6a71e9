namespace NocBoard.Data;

/// <summary>
/// Lets one writer at a time into an embedded SQLite database. SQLite has a single writer; two
/// connections that both read and then write fail with "database is locked" instead of waiting,
/// so writers queue here. Leaving the gate waits, outside it, until what was committed inside is
/// on disk (<see cref="CommitDurability"/>), so callers acknowledge only durable changes. On
/// PostgreSQL the gate is open and row versions do the work.
/// </summary>
public sealed class WriteGate(bool serialize, CommitDurability durability)
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    /// <summary>Enter with <c>await using</c>: leaving releases the gate, then waits for the disk.</summary>
    public async Task<Lease> EnterAsync(CancellationToken ct)
    {
        if (!serialize) return new Lease(null, durability);
        await semaphore.WaitAsync(ct);
        return new Lease(semaphore, durability);
    }

    public sealed class Lease(SemaphoreSlim? semaphore, CommitDurability durability) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) != 0) return;
            semaphore?.Release();
            await durability.WaitAsync();
        }
    }
}
