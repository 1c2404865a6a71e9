using NocBoard.Accounts;
using NocBoard.Accounts.Rights;

namespace NocBoard.Admin;

/// <summary>Which parts of the administration a user may open; the Admin menu shows only with ShowConfigTab.</summary>
public sealed record AdminAreas(bool Menu, bool Queues, bool Users, bool Groups, bool Rights, bool CustomFields, bool Lifecycles)
{
    public static readonly AdminAreas None = new(false, false, false, false, false, false, false);
}

/// <summary>Decides what the Admin menu offers the signed-in user, from their rights (not from the UI).</summary>
public sealed class AdminAccess(CurrentActor current, AdminRights rights)
{
    public async Task<AdminAreas> ForCurrentUserAsync(CancellationToken ct = default) =>
        await current.GetAsync(ct) is { } actor ? await ForAsync(actor, ct) : AdminAreas.None;

    public async Task<AdminAreas> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (!await rights.HasAsync(actor, Right.ShowConfigTab, null, ct)) return AdminAreas.None;
        var superUser = await rights.HasAsync(actor, Right.SuperUser, null, ct);
        var adminsAQueue = (await rights.QueuesWithAsync(actor, Right.AdminQueue, ct)).Count > 0
                           || await rights.HasAsync(actor, Right.AdminQueue, null, ct);
        return new AdminAreas(
            Menu: true,
            Queues: adminsAQueue,
            Users: await rights.HasAsync(actor, Right.AdminUsers, null, ct),
            Groups: await rights.HasAsync(actor, Right.AdminGroups, null, ct),
            Rights: superUser || adminsAQueue,
            CustomFields: await rights.HasAsync(actor, Right.AdminCustomField, null, ct),
            Lifecycles: superUser);
    }
}
