using System.Linq.Expressions;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Tickets;

/// <summary>
/// Translates a user's ShowTicket grants into a query filter the database evaluates, so lists and
/// searches never load tickets the user may not see. Grants to the user, their groups and the
/// Everyone/Privileged/Unprivileged roles become a set of queues; grants to ticket roles become
/// "where I am the owner / a requestor / a Cc / an AdminCc" conditions.
/// </summary>
internal static class TicketVisibility
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, NocDbContext db, RightsSubject subject, string right = Right.ShowTicket)
    {
        if (subject.Disabled) return tickets.Where(t => false);
        if (subject.Has(right, null)) return tickets;

        var relevant = subject.Grants.Where(g => g.Right == right || (g.Right == Right.SuperUser && g.QueueId is null)).ToList();
        var queues = relevant.Where(g => g.QueueId is not null && subject.HoldsWithoutTicketRoles(g))
            .Select(g => g.QueueId!.Value).Distinct().ToList();

        var filter = TicketPredicates.None;
        if (queues.Count > 0) filter = TicketPredicates.Or(filter, t => queues.Contains(t.QueueId));

        var uid = subject.UserId;
        var email = subject.Email?.ToLowerInvariant();
        var groupIds = subject.GroupIds.ToList();
        foreach (var role in new[] { RoleName.Owner, RoleName.Requestor, RoleName.Cc, RoleName.AdminCc })
        {
            var grants = relevant.Where(g => g.Role == role).ToList();
            if (grants.Count == 0) continue;
            var everywhere = grants.Any(g => g.QueueId is null);
            var inQueues = grants.Where(g => g.QueueId is not null).Select(g => g.QueueId!.Value).ToList();
            Expression<Func<Ticket, bool>> scope = everywhere ? t => true : t => inQueues.Contains(t.QueueId);
            Expression<Func<Ticket, bool>> plays = role switch
            {
                RoleName.Owner => t => t.OwnerId == uid,
                RoleName.Requestor => WatchesTicket(db, WatcherRole.Requestor, uid, email),
                RoleName.Cc => WatchesTicketOrQueue(db, WatcherRole.Cc, uid, email, groupIds),
                _ => WatchesTicketOrQueue(db, WatcherRole.AdminCc, uid, email, groupIds),
            };
            filter = TicketPredicates.Or(filter, TicketPredicates.And(scope, plays));
        }
        return tickets.Where(filter);
    }

    private static Expression<Func<Ticket, bool>> WatchesTicket(NocDbContext db, WatcherRole role, int uid, string? email) =>
        t => db.TicketWatchers.Any(w => w.TicketId == t.Id && w.Role == role && (w.UserId == uid || (email != null && w.Email == email)));

    private static Expression<Func<Ticket, bool>> WatchesTicketOrQueue(NocDbContext db, WatcherRole role, int uid, string? email, List<int> groupIds) =>
        t => db.TicketWatchers.Any(w => w.TicketId == t.Id && w.Role == role && (w.UserId == uid || (email != null && w.Email == email)))
             || db.QueueWatchers.Any(w => w.QueueId == t.QueueId && w.Role == role
                                          && (w.UserId == uid || (w.GroupId != null && groupIds.Contains(w.GroupId.Value)) || (email != null && w.Email == email)));
}
