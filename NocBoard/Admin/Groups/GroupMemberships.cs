using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;

namespace NocBoard.Admin;

/// <summary>Setting which groups one user is in, shared by the user and group pages.</summary>
internal static class GroupMemberships
{
    /// <summary>Makes the user a member of exactly these groups. The caller has checked AdminGroups.</summary>
    public static async Task SetAsync(NocDbContext db, AdminRights rights, Actor actor, int userId, IReadOnlyCollection<int> groupIds, CancellationToken ct)
    {
        var wanted = groupIds.ToHashSet();
        var groups = await db.Groups.AsNoTracking().Where(g => wanted.Contains(g.Id)).ToListAsync(ct);
        foreach (var id in wanted.Where(id => groups.All(g => g.Id != id)))
            throw Refuse.NotFound($"There is no group #{id}.");

        var current = await db.GroupMembers.Where(m => m.UserId == userId).ToListAsync(ct);
        var changed = current.Select(m => m.GroupId).Where(id => !wanted.Contains(id))
            .Concat(wanted.Where(id => current.All(m => m.GroupId != id)));
        foreach (var groupId in changed)
        {
            var name = groups.FirstOrDefault(g => g.Id == groupId)?.Name
                       ?? await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(ct);
            await rights.RequireSuperUserToChangeGroupAsync(actor, groupId, name, ct);
        }
        db.GroupMembers.RemoveRange(current.Where(m => !wanted.Contains(m.GroupId)));
        db.GroupMembers.AddRange(wanted.Where(id => current.All(m => m.GroupId != id))
            .Select(id => new GroupMember { GroupId = id, UserId = userId }));
    }
}
