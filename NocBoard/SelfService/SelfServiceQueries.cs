using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.SelfService;

/// <summary>
/// What requestors see of NocBoard: the tickets they asked for or are Cc on (and may see), and of
/// each only the public conversation, never comments or internal changes.
/// </summary>
public sealed class SelfServiceQueries(NocDbContext db, TicketReader reader)
{
    private static readonly TransactionType[] Public = [TransactionType.Create, TransactionType.Correspond, TransactionType.Status];

    public async Task<List<Ticket>> MyTicketsAsync(Actor actor, CancellationToken ct = default)
    {
        var email = actor.Email?.ToLowerInvariant();
        var mine = db.TicketWatchers.Where(w => (w.Role == WatcherRole.Requestor || w.Role == WatcherRole.Cc)
                                                && (w.UserId == actor.Id || (email != null && w.Email == email)))
            .Select(w => w.TicketId);
        return await (await reader.QueryAsync(actor, ct)).Where(t => mine.Contains(t.Id))
            .OrderByDescending(t => t.LastUpdated).Take(200).ToListAsync(ct);
    }

    /// <summary>The public conversation of a ticket, or null when the actor may not see it.</summary>
    public async Task<(Ticket Ticket, List<TicketTransaction> Conversation)?> ConversationAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var ticket = await reader.GetAsync(id, actor, ct);
        if (ticket is null) return null;
        var history = await reader.HistoryAsync(ticket.Id, actor, ct) ?? [];
        return (ticket, history.Where(t => Public.Contains(t.Type)).ToList());
    }
}
