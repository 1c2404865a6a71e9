using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Accounts.Rights;

/// <summary>
/// The one place rights are evaluated. A subject is read once and then every check is answered
/// from memory, until a commit changes rights (<see cref="RightsCache"/>): a long-lived circuit
/// sees a revoked right at its next check.
/// </summary>
public sealed class RightsService(NocDbContext db, TimeProvider clock, RightsCache cache)
{
    private readonly Dictionary<int, (long Generation, RightsSubject Subject)> subjects = [];

    public async Task<RightsSubject> SubjectAsync(int userId, CancellationToken ct = default)
    {
        var generation = cache.Generation;
        if (subjects.TryGetValue(userId, out var mine) && mine.Generation == generation) return mine.Subject;
        if (cache.TryGet(userId, generation, out var shared))
        {
            subjects[userId] = (generation, shared);
            return shared;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.Privileged, u.Disabled })
            .SingleOrDefaultAsync(ct);
        var wall = await db.Set<WallToken>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (wall is not null)
        {
            // Kept for this scope only: whether the token is still valid depends on the hour.
            var display = WallDisplaySubject(userId, user?.Disabled ?? true, wall);
            subjects[userId] = (generation, display);
            return display;
        }

        var groupIds = (await db.GroupMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Groups.Where(g => !g.Disabled), m => m.GroupId, g => g.Id, (m, g) => g.Id)
            .ToListAsync(ct)).ToHashSet();
        var grants = await db.RightGrants.AsNoTracking()
            .Where(g => g.UserId == userId || (g.GroupId != null && groupIds.Contains(g.GroupId.Value)) || g.Role != null)
            .ToListAsync(ct);

        var subject = new RightsSubject
        {
            UserId = userId,
            Email = user?.Email,
            Privileged = user?.Privileged ?? false,
            // An unknown user id gets no rights at all.
            Disabled = user is null || user.Disabled,
            GroupIds = groupIds,
            Grants = grants,
        };
        subjects[userId] = (generation, subject);
        if (user is not null) cache.Keep(generation, subject);
        return subject;
    }

    /// <summary>
    /// A wall display holds SeeQueue and ShowTicket on its token's queues and nothing else: no
    /// groups, no role grants (Everyone, Unprivileged, ...), so nothing granted broadly reaches it.
    /// </summary>
    private RightsSubject WallDisplaySubject(int userId, bool disabled, WallToken wall) => new()
    {
        UserId = userId,
        Email = null,
        Privileged = false,
        Disabled = disabled || !wall.IsValidAt(clock.GetUtcNow()),
        WallDisplay = true,
        GroupIds = new HashSet<int>(),
        Grants = wall.QueueIds
            .SelectMany(q => new[] { Right.SeeQueue, Right.ShowTicket }.Select(r => new RightGrant { Right = r, QueueId = q, UserId = userId }))
            .ToList(),
    };

    public async Task<bool> HasAsync(int userId, string right, int? queueId = null, CancellationToken ct = default) =>
        (await SubjectAsync(userId, ct)).Has(right, queueId);

    /// <summary>The roles the user plays on the ticket, including Cc/AdminCc inherited from its queue.</summary>
    public async Task<TicketRoles> RolesOnAsync(RightsSubject subject, Ticket ticket, CancellationToken ct = default)
    {
        var roles = ticket.OwnerId == subject.UserId ? TicketRoles.Owner : TicketRoles.None;
        var email = subject.Email?.ToLowerInvariant();

        var ticketRoles = await db.TicketWatchers.AsNoTracking()
            .Where(w => w.TicketId == ticket.Id && (w.UserId == subject.UserId || (email != null && w.Email == email)))
            .Select(w => w.Role)
            .ToListAsync(ct);
        var groupIds = subject.GroupIds.ToList();
        var queueRoles = await db.QueueWatchers.AsNoTracking()
            .Where(w => w.QueueId == ticket.QueueId
                        && (w.UserId == subject.UserId
                            || (w.GroupId != null && groupIds.Contains(w.GroupId.Value))
                            || (email != null && w.Email == email)))
            .Select(w => w.Role)
            .ToListAsync(ct);

        foreach (var role in ticketRoles.Concat(queueRoles))
            roles |= role.ToTicketRole();
        return roles;
    }

    /// <summary>Whether the user holds the right on this ticket, counting the roles they play on it.</summary>
    public async Task<bool> HasOnTicketAsync(int userId, string right, Ticket ticket, CancellationToken ct = default)
    {
        var subject = await SubjectAsync(userId, ct);
        if (subject.Has(right, ticket.QueueId)) return true;
        if (!subject.Grants.Any(g => g.Role is RoleName.Requestor or RoleName.Cc or RoleName.AdminCc or RoleName.Owner))
            return false;
        return subject.Has(right, ticket.QueueId, await RolesOnAsync(subject, ticket, ct));
    }
}
