namespace NocBoard.Data;

/// <summary>
/// Group commit for the embedded SQLite database. Connections run with synchronous=NORMAL (see
/// <see cref="SqliteConnectionSetup"/>), so a commit appends to the write-ahead log without waiting
/// for the disk; the writer then waits here, after leaving the <see cref="WriteGate"/>, until the
/// log is on disk. One fsync covers every commit made before it started, so writers that commit
/// while a flush runs share the next one instead of each holding the single-writer gate through
/// a disk flush of its own. Nothing is acknowledged (an HTTP answer, a message removed from IMAP,
/// a change shown on the board) before this returns, so a power cut loses nothing acknowledged,
/// as with synchronous=FULL.
/// </summary>
public sealed class CommitDurability
{
    private readonly string? walPath;
    private readonly Action flush;
    private readonly object sync = new();
    private TaskCompletionSource? next;
    private bool flushing;

    /// <param name="databasePath">The SQLite file; null when the database makes its commits durable itself.</param>
    public CommitDurability(string? databasePath)
    {
        walPath = databasePath is null ? null : databasePath + "-wal";
        flush = FlushLog;
    }

    /// <summary>With another way to reach the disk, to watch the grouping.</summary>
    internal CommitDurability(Action flush)
    {
        walPath = "";
        this.flush = flush;
    }

    /// <summary>How many flushes ran: fewer than the writers who waited, when they came together.</summary>
    public long Flushes => Interlocked.Read(ref flushes);

    private long flushes;

    /// <summary>Every commit made before this call is on disk when the task completes.</summary>
    public Task WaitAsync()
    {
        if (walPath is null) return Task.CompletedTask;
        lock (sync)
        {
            // A flush already under way may have started before the caller's commit: wait for the next.
            next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var done = next.Task;
            if (!flushing)
            {
                flushing = true;
                _ = Task.Run(FlushWhileAsked);
            }
            return done;
        }
    }

    private void FlushWhileAsked()
    {
        while (true)
        {
            TaskCompletionSource asked;
            lock (sync)
            {
                if (next is null)
                {
                    flushing = false;
                    return;
                }
                (asked, next) = (next, null);
            }
            try
            {
                flush();
                Interlocked.Increment(ref flushes);
                asked.SetResult();
            }
            catch (Exception e)
            {
                asked.SetException(new IOException($"The database's write-ahead log {walPath} could not be flushed to disk: {e.Message}", e));
            }
        }
    }

    private void FlushLog()
    {
        try
        {
            // Opened afresh each time: SQLite may delete and recreate the log, and an old handle
            // would flush a file nobody writes any more. SQLite locks with fcntl on the database
            // and -shm files; this handle neither holds nor releases any of those locks.
            using var log = new FileStream(walPath!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No log: its content was checkpointed into the database file, which SQLite synced first.
        }
    }
}
