using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;

namespace NocBoard.Tickets.Bookmarks;

/// <summary>A user's bookmarked tickets. Only tickets the user may see can be bookmarked or listed.</summary>
public sealed class Bookmarks(NocDbContext db, TicketReader reader, TimeProvider clock)
{
    /// <summary>Bookmarks or un-bookmarks; returns the new state, or null when the ticket may not be seen.</summary>
    public async Task<bool?> SetAsync(int ticketId, Actor actor, bool bookmarked, CancellationToken ct = default)
    {
        actor.RequireNotWallDisplay("bookmark tickets");
        var ticket = await reader.GetAsync(ticketId, actor, ct);
        if (ticket is null) return null;
        var existing = await db.Bookmarks.FindAsync([actor.Id, ticket.Id], ct);
        if (bookmarked && existing is null)
            db.Bookmarks.Add(new Bookmark { UserId = actor.Id, TicketId = ticket.Id, Created = clock.GetUtcNow() });
        else if (!bookmarked && existing is not null)
            db.Bookmarks.Remove(existing);
        await db.SaveChangesAsync(ct);
        return bookmarked;
    }

    public Task<bool> IsBookmarkedAsync(int ticketId, Actor actor, CancellationToken ct = default) =>
        db.Bookmarks.AnyAsync(b => b.UserId == actor.Id && b.TicketId == ticketId, ct);
}
