using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// Adds a Requestor, Cc or AdminCc. Adding oneself needs Watch (or WatchAsAdminCc for AdminCc);
/// adding anyone else needs ModifyTicket.
/// </summary>
public sealed record AddWatcher(WatcherRole Role, WatcherRef Watcher) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var resolved = await Watcher.ResolveAsync(ctx, ct);
        await WatcherRights.RequireAsync(ctx, Role, resolved, "add", ct);
        var ticket = ctx.Ticket;
        if (ticket.Watchers.Any(w => w.Role == Role && resolved.Matches(w))) return;
        ticket.Watchers.Add(new TicketWatcher { TicketId = ticket.Id, Role = Role, UserId = resolved.UserId, Email = resolved.Email });
        ctx.Record(TransactionType.AddWatcher, Role.ToString(), null, resolved.Describe());
    }
}

public sealed record RemoveWatcher(WatcherRole Role, WatcherRef Watcher) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var resolved = Watcher.UserId is null ? Watcher with { Email = WatcherRef.Normalize(Watcher.Email) } : Watcher;
        await WatcherRights.RequireAsync(ctx, Role, resolved, "remove", ct);
        var ticket = ctx.Ticket;
        var existing = ticket.Watchers.FirstOrDefault(w => w.Role == Role && resolved.Matches(w))
            ?? throw TicketChangeContext.Invalid($"{resolved} is not a {Role} of ticket #{ticket.Id}.");
        ticket.Watchers.Remove(existing);
        ctx.Db.TicketWatchers.Remove(existing);
        ctx.Record(TransactionType.DelWatcher, Role.ToString(), resolved.Describe(), null);
    }
}

internal static class WatcherRights
{
    public static async Task RequireAsync(TicketChangeContext ctx, WatcherRole role, WatcherRef watcher, string verb, CancellationToken ct)
    {
        if (watcher.UserId == ctx.Actor.Id)
        {
            var right = role == WatcherRole.AdminCc ? Right.WatchAsAdminCc : Right.Watch;
            await ctx.RequireAnyAsync([right, Right.ModifyTicket], $"{verb} yourself as {role}", ct);
        }
        else
        {
            await ctx.RequireAsync(Right.ModifyTicket, $"{verb} watchers", ct);
        }
    }
}
