using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Queues;
using NocBoard.Data;

namespace NocBoard.Admin.Rights;

/// <summary>
/// Granting and revoking rights. Global grants need SuperUser; grants on a queue need AdminQueue on
/// that queue (or globally). Granting what is already granted, or revoking what is not, is a no-op.
/// </summary>
public sealed class RightsAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    /// <summary>Every right, with its description and whether the principal holds it on the scope (queue, or global when null).</summary>
    public Task<AdminResult<RightsGridView>> GridAsync(Actor actor, RightsPrincipal principal, int? queueId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var scope = await ScopeAsync(actor, queueId, "see", ct);
            var name = await PrincipalNameAsync(principal, ct);
            var grants = (await db.RightGrants.AsNoTracking()
                    .Where(g => g.UserId == principal.UserId && g.GroupId == principal.GroupId && g.Role == principal.Role
                                && (g.QueueId == null || g.QueueId == queueId))
                    .ToListAsync(ct))
                .Where(principal.Matches).ToList();
            var rows = Right.All.Select(r => new RightRow(
                r,
                grants.Any(g => g.Right == r.Name && g.QueueId == queueId),
                Grantable(r, principal, queueId),
                queueId is not null && grants.Any(g => g.Right == r.Name && g.QueueId == null))).ToList();
            return new RightsGridView(name, scope, rows);
        });

    /// <summary>Grants (<paramref name="granted"/> true) or revokes the right for the principal on the queue, or globally when null.</summary>
    public Task<AdminResult> SetAsync(Actor actor, RightsPrincipal principal, string right, int? queueId, bool granted, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var definition = Right.All.FirstOrDefault(r => r.Name == right) ?? throw Refuse.Invalid($"There is no right '{right}'.", "Right");
            var scope = await ScopeAsync(actor, queueId, "change", ct);
            await PrincipalNameAsync(principal, ct);
            if (granted && definition.Scope == RightScope.Global && queueId is not null)
                throw Refuse.Invalid($"{right} is a global right; it cannot be granted on {scope}.", "Right");
            if (granted && !Grantable(definition, principal, queueId))
                throw Refuse.Invalid($"{right} is a global right and the {principal.Role} role exists only on tickets; grant it to a user or group.", "Right");
            if (!granted && right == Right.SuperUser && principal.UserId == actor.Id)
                throw Refuse.Invalid("You cannot revoke your own SuperUser right; ask another SuperUser.", "Right");

            var existing = (await db.RightGrants
                    .Where(g => g.Right == right && g.QueueId == queueId && g.UserId == principal.UserId && g.GroupId == principal.GroupId && g.Role == principal.Role)
                    .ToListAsync(ct))
                .Where(principal.Matches).ToList();
            if (granted && existing.Count == 0)
                db.RightGrants.Add(new RightGrant { Right = right, QueueId = queueId, UserId = principal.UserId, GroupId = principal.GroupId, Role = principal.Role });
            else if (!granted)
                db.RightGrants.RemoveRange(existing);
        }, ct);

    /// <summary>The users, groups and queues the actor can pick, and whether they may grant globally.</summary>
    public Task<AdminResult<RightsChoices>> ChoicesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var mayGlobal = await rights.HasAsync(actor, Right.SuperUser, null, ct);
            var queueIds = await rights.QueuesWithAsync(actor, Right.AdminQueue, ct);
            if (!mayGlobal && queueIds.Count == 0)
                throw Refuse.Forbidden("You may not grant rights: that needs the SuperUser right, or AdminQueue on a queue.");
            var queues = await db.Queues.AsNoTracking().Where(q => queueIds.Contains(q.Id)).OrderBy(q => q.Name).Select(q => new Choice(q.Id, q.Name)).ToListAsync(ct);
            var users = await db.Users.AsNoTracking().Where(u => !u.Disabled).OrderBy(u => u.UserName).Select(u => new Choice(u.Id, u.UserName!)).ToListAsync(ct);
            var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
            return new RightsChoices(users, groups, queues, mayGlobal);
        });

    private static bool Grantable(RightDefinition right, RightsPrincipal principal, int? queueId) =>
        right.Scope == RightScope.Queue || (queueId is null && !principal.IsTicketRole);

    /// <summary>Checks the actor may manage rights on the scope, and names it ("globally", "queue 'Outages'").</summary>
    private async Task<string> ScopeAsync(Actor actor, int? queueId, string doing, CancellationToken ct)
    {
        if (queueId is not { } id)
        {
            await rights.RequireAsync(actor, Right.SuperUser, $"{doing} global rights", ct);
            return "globally";
        }
        var queue = await db.Queues.AsNoTracking().Where(q => q.Id == id).Select(q => q.Name).SingleOrDefaultAsync(ct)
                    ?? throw Refuse.NotFound($"There is no queue #{id}.");
        await rights.RequireOnQueueAsync(actor, Right.AdminQueue, id, queue, $"{doing} the rights on queue '{queue}'", ct);
        return $"queue '{queue}'";
    }

    private async Task<string> PrincipalNameAsync(RightsPrincipal principal, CancellationToken ct)
    {
        if (!principal.IsOne)
            throw Refuse.Invalid("A grant needs exactly one principal: a user, a group, or a role.", "Principal");
        if (principal.UserId is { } userId)
            return "user " + (await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(ct)
                              ?? throw Refuse.NotFound($"There is no user #{userId}."));
        if (principal.GroupId is { } groupId)
            return "group " + (await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(ct)
                               ?? throw Refuse.NotFound($"There is no group #{groupId}."));
        if (!Enum.IsDefined(principal.Role!.Value))
            throw Refuse.Invalid($"There is no role '{principal.Role}'.", "Principal");
        return $"role {principal.Role}";
    }
}
