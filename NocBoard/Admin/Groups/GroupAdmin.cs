using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Queues;
using NocBoard.Data;

namespace NocBoard.Admin.Groups;

public sealed class GroupForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
}

public sealed record GroupSummary(int Id, string Name, string? Description, int Members, bool Disabled);

public sealed record GroupDetails(int Id, GroupForm Form, bool Disabled, IReadOnlyList<Choice> Members);

/// <summary>
/// Creating and changing groups, with AdminGroups. Groups are disabled, never deleted: a disabled
/// group keeps its members and grants, but gives no rights.
/// </summary>
public sealed class GroupAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<IReadOnlyList<GroupSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<GroupSummary>>(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminGroups, "administer groups", ct);
            return await db.Groups.AsNoTracking().OrderBy(g => g.Name)
                .Select(g => new GroupSummary(g.Id, g.Name, g.Description, g.Members.Count, g.Disabled)).ToListAsync(ct);
        });

    public Task<AdminResult<GroupDetails>> GetAsync(Actor actor, int groupId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminGroups, "administer groups", ct);
            var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
                        ?? throw Refuse.NotFound($"There is no group #{groupId}.");
            var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.UserName).Select(u => new Choice(u.Id, u.UserName!)).ToListAsync(ct);
            return new GroupDetails(group.Id, new GroupForm { Name = group.Name, Description = group.Description }, group.Disabled, members);
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, GroupForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminGroups, "create groups", ct);
            var group = new Group { Name = await NameAsync(form.Name, 0, ct), Description = AdminInput.Optional(form.Description) };
            db.Groups.Add(group);
            await db.SaveChangesAsync(ct);
            return group.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int groupId, GroupForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var group = await ChangeableAsync(actor, groupId, "change groups", ct);
            group.Name = await NameAsync(form.Name, groupId, ct);
            group.Description = AdminInput.Optional(form.Description);
        }, ct);

    public Task<AdminResult> SetDisabledAsync(Actor actor, int groupId, bool disabled, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var group = await ChangeableAsync(actor, groupId, disabled ? "disable groups" : "enable groups", ct);
            group.Disabled = disabled;
        }, ct);

    public Task<AdminResult> AddMemberAsync(Actor actor, int groupId, int userId, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var group = await ChangeableAsync(actor, groupId, "change group members", ct);
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(ct)
                           ?? throw Refuse.NotFound($"There is no user #{userId}.");
            await rights.RequireSuperUserToChangeGroupAsync(actor, groupId, group.Name, ct);
            if (await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == userId, ct))
                throw Refuse.Invalid($"{userName} is already a member of group '{group.Name}'.", "Member");
            db.GroupMembers.Add(new GroupMember { GroupId = groupId, UserId = userId });
        }, ct);

    public Task<AdminResult> RemoveMemberAsync(Actor actor, int groupId, int userId, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var group = await ChangeableAsync(actor, groupId, "change group members", ct);
            await rights.RequireSuperUserToChangeGroupAsync(actor, groupId, group.Name, ct);
            var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, ct)
                         ?? throw Refuse.NotFound($"User #{userId} is not a member of group '{group.Name}'.");
            db.GroupMembers.Remove(member);
        }, ct);

    private async Task<Group> ChangeableAsync(Actor actor, int groupId, string doing, CancellationToken ct)
    {
        await rights.RequireAsync(actor, Right.AdminGroups, doing, ct);
        return await db.Groups.SingleOrDefaultAsync(g => g.Id == groupId, ct) ?? throw Refuse.NotFound($"There is no group #{groupId}.");
    }

    private async Task<string> NameAsync(string? name, int groupId, CancellationToken ct)
    {
        var trimmed = AdminInput.Name(name, "A group");
        if (await db.Groups.AnyAsync(g => g.Id != groupId && g.Name.ToLower() == trimmed.ToLower(), ct))
            throw Refuse.Invalid($"There is already a group named '{trimmed}'.", "Name");
        return trimmed;
    }
}
