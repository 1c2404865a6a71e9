using NocBoard.Data;

namespace NocBoard.Tickets;

/// <summary>
/// Lets a feature read, in one query for a whole group of writes committed together, rows its
/// changes would otherwise each read alone (an alert's episode). What it loads is tracked in the
/// group's context, where the changes find it (with <c>FindAsync</c>) without asking the database.
/// </summary>
public interface ITicketWritePreloader
{
    Task PreloadAsync(NocDbContext db, IReadOnlyList<TicketWrite> writes, CancellationToken ct);
}
