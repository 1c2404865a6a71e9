using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// Changes the owner with RT's rules and names: Take (an unowned ticket, for oneself), Steal
/// (someone else's, for oneself), Give (to another user), Untake (back to Nobody).
/// </summary>
public sealed record SetOwner(int? OwnerId) : TicketChange
{
    public static SetOwner Nobody => new((int?)null);

    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var ticket = ctx.Ticket;
        var current = ticket.OwnerId;
        if (current == OwnerId) return;
        var actor = ctx.Actor.Id;

        // Only the owner, or someone allowed to override them, may move a ticket that is owned.
        var stealing = OwnerId == actor && current is not null;
        if (current is not null && current != actor && !stealing)
            await ctx.RequireAsync(Right.ForceOwnerChange, "change the owner of a ticket owned by someone else", ct);

        TransactionType type;
        if (OwnerId == actor && current is null)
        {
            await ctx.RequireAnyAsync([Right.TakeTicket, Right.ModifyTicket], "take it", ct);
            type = TransactionType.Take;
        }
        else if (stealing)
        {
            await ctx.RequireAsync(Right.StealTicket, "steal it", ct);
            type = TransactionType.Steal;
        }
        else if (OwnerId is null)
        {
            type = TransactionType.Untake;
        }
        else
        {
            await ctx.RequireAnyAsync([Right.ReassignTicket, Right.ModifyTicket], "give it to someone else", ct);
            type = TransactionType.Give;
        }

        if (OwnerId is { } newOwner)
            await RequireCanOwnAsync(ctx, newOwner, ct);

        ticket.OwnerId = OwnerId;
        ctx.Record(type, "Owner", current?.ToString(), OwnerId?.ToString());
    }

    /// <summary>An owner must be enabled staff holding OwnTicket on the ticket.</summary>
    internal static async Task RequireCanOwnAsync(TicketChangeContext ctx, int userId, CancellationToken ct)
    {
        var user = await ctx.LoadUserAsync(userId, ct);
        if (!user.Privileged || !await ctx.Rights.HasOnTicketAsync(userId, Right.OwnTicket, ctx.Ticket, ct))
            throw TicketChangeContext.Invalid($"{user.DisplayName} may not own tickets in queue '{ctx.Queue.Name}' (needs the OwnTicket right).");
    }
}
