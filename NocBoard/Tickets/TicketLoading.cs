using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Tickets;

internal static class TicketLoading
{
    /// <summary>
    /// The ticket a number stands for today: itself, or the ticket it was merged into (so links
    /// and mail that name an old number keep working).
    /// </summary>
    public static async Task<Ticket?> LoadEffectiveAsync(NocDbContext db, int id, CancellationToken ct)
    {
        var ticket = await WithDetails(db).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !ticket.IsMerged) return ticket;
        return await WithDetails(db).SingleOrDefaultAsync(t => t.Id == ticket.EffectiveId, ct);
    }

    // One ticket's watchers times its custom field values is a handful of rows: one query beats three.
    internal static IQueryable<Ticket> WithDetails(NocDbContext db) =>
        db.Tickets.Include(t => t.Watchers).Include(t => t.CustomFieldValues).AsSingleQuery();
}
