using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Tickets;

/// <summary>
/// Every read of tickets goes through here, so that what a user may not see never leaves the
/// database: a single ticket by number (following merges), its history with comments hidden from
/// those without ShowTicketComments, and a query of all tickets the user may see for lists.
/// </summary>
public sealed class TicketReader(NocDbContext db, RightsService rights)
{
    /// <summary>The ticket a number stands for, or null when it does not exist or may not be seen.</summary>
    public async Task<Ticket?> GetAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var ticket = await TicketLoading.LoadEffectiveAsync(db, id, ct);
        if (ticket is null || !await rights.HasOnTicketAsync(actor.Id, Right.ShowTicket, ticket, ct)) return null;
        db.Entry(ticket).State = EntityState.Detached;
        return ticket;
    }

    /// <summary>Tickets the actor may see (merged-away numbers excluded), for lists and searches to refine.</summary>
    public async Task<IQueryable<Ticket>> QueryAsync(Actor actor, CancellationToken ct = default)
    {
        var subject = await rights.SubjectAsync(actor.Id, ct);
        return db.Tickets.AsNoTracking().Where(t => t.EffectiveId == t.Id).VisibleTo(db, subject);
    }

    /// <summary>
    /// The history of a ticket in order, including that of tickets merged into it. Comments are
    /// left out for those without ShowTicketComments. Null when the ticket may not be seen.
    /// </summary>
    public async Task<IReadOnlyList<TicketTransaction>?> HistoryAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var ticket = await GetAsync(id, actor, ct);
        if (ticket is null) return null;
        var seeComments = await rights.HasOnTicketAsync(actor.Id, Right.ShowTicketComments, ticket, ct);
        // Failed scrips are for those who can fix them.
        var seeScripErrors = await rights.HasOnTicketAsync(actor.Id, Right.AdminQueue, ticket, ct);
        var ids = await db.Tickets.Where(t => t.EffectiveId == ticket.Id).Select(t => t.Id).ToListAsync(ct);
        return await db.Transactions.AsNoTracking()
            .Where(t => ids.Contains(t.TicketId) && (seeComments || t.Type != TransactionType.Comment)
                        && (seeScripErrors || t.Type != TransactionType.ScripError))
            .Include(t => t.Attachments)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
    }

    /// <summary>Links of a ticket in both directions, named from its side.</summary>
    public async Task<IReadOnlyList<TicketLink>?> LinksAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var ticket = await GetAsync(id, actor, ct);
        if (ticket is null) return null;
        return await db.Links.AsNoTracking().Where(l => l.BaseId == ticket.Id || l.TargetId == ticket.Id).ToListAsync(ct);
    }
}
