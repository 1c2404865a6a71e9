namespace NocBoard.Outbox;

/// <summary>Wakes the dispatcher right after a commit that queued work, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0);

    public void Pulse()
    {
        if (signal.CurrentCount == 0) signal.Release();
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
