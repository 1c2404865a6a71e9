namespace NocBoard.Monitoring;

/// <summary>
/// Alerts for one key are taken one at a time in this process, so a storm of repeats waits its
/// turn instead of racing to open tickets. (Across processes the unique current key decides.)
/// Striped, so memory does not grow with the number of keys.
/// </summary>
public sealed class AlertKeyLocks
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(int sourceId, string key, CancellationToken ct)
    {
        var stripe = stripes[(int)((uint)HashCode.Combine(sourceId, StringComparer.Ordinal.GetHashCode(key)) % (uint)stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) stripe.Release();
        }
    }
}
