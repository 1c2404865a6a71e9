using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Admin;

/// <summary>
/// The rights checks of the administration services. Every refusal names the right that was
/// missing, so an administrator knows what to grant.
/// </summary>
public sealed class AdminRights(RightsService rights, NocDbContext db)
{
    public async Task<bool> HasAsync(Actor actor, string right, int? queueId = null, CancellationToken ct = default) =>
        (await rights.SubjectAsync(actor.Id, ct)).Has(right, queueId);

    /// <summary>Refuses unless the actor holds the (global) right.</summary>
    public async Task RequireAsync(Actor actor, string right, string doing, CancellationToken ct = default)
    {
        if (!await HasAsync(actor, right, null, ct))
            throw Refuse.Forbidden($"You may not {doing}: that needs the {right} right.");
    }

    /// <summary>Refuses unless the actor holds the right on the queue or globally.</summary>
    public async Task RequireOnQueueAsync(Actor actor, string right, int queueId, string queueName, string doing, CancellationToken ct = default)
    {
        if (!await HasAsync(actor, right, queueId, ct))
            throw Refuse.Forbidden($"You may not {doing}: that needs the {right} right on queue '{queueName}' or globally.");
    }

    /// <summary>The ids of the queues (disabled ones too) on which the actor holds the right, globally or there.</summary>
    public async Task<IReadOnlySet<int>> QueuesWithAsync(Actor actor, string right, CancellationToken ct = default)
    {
        var subject = await rights.SubjectAsync(actor.Id, ct);
        var ids = await db.Queues.AsNoTracking().Select(q => q.Id).ToListAsync(ct);
        return ids.Where(id => subject.Has(right, id)).ToHashSet();
    }

    /// <summary>
    /// Refuses changing a user who holds SuperUser unless the actor does too: otherwise AdminUsers
    /// would be enough to take over a SuperUser's account (reset the password, change the email).
    /// </summary>
    public async Task RequireSuperUserToChangeAsync(Actor actor, int userId, string userName, CancellationToken ct = default)
    {
        var target = await rights.SubjectAsync(userId, ct);
        if (target.Grants.Any(g => g.Right == Right.SuperUser && g.QueueId is null && target.HoldsWithoutTicketRoles(g))
            && !await HasAsync(actor, Right.SuperUser, null, ct))
            throw Refuse.Forbidden($"You may not change {userName}: they hold SuperUser, so changing them needs the SuperUser right.");
    }

    /// <summary>Refuses changing the members of a group that holds SuperUser unless the actor does too.</summary>
    public async Task RequireSuperUserToChangeGroupAsync(Actor actor, int groupId, string groupName, CancellationToken ct = default)
    {
        var holdsSuperUser = await db.RightGrants.AnyAsync(g => g.GroupId == groupId && g.Right == Right.SuperUser && g.QueueId == null, ct);
        if (holdsSuperUser && !await HasAsync(actor, Right.SuperUser, null, ct))
            throw Refuse.Forbidden($"You may not change the members of group '{groupName}': it holds SuperUser, so that needs the SuperUser right.");
    }
}
