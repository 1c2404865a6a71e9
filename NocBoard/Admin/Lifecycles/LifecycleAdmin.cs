using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Admin.Lifecycles;

/// <summary>
/// Defining lifecycles, with SuperUser: a lifecycle decides what every ticket of its queues can
/// become. A lifecycle in use cannot lose a status that tickets of its queues are in.
/// </summary>
public sealed class LifecycleAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<IReadOnlyList<LifecycleSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<LifecycleSummary>>(async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, "administer lifecycles", ct);
            var lifecycles = await db.Lifecycles.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
            var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.LifecycleId, q.Name }).ToListAsync(ct);
            return lifecycles.Select(l => new LifecycleSummary(l.Id, l.Name, l.Statuses.Select(s => s.Name).ToList(),
                queues.Where(q => q.LifecycleId == l.Id).Select(q => q.Name).ToList())).ToList();
        });

    public Task<AdminResult<LifecycleDetails>> GetAsync(Actor actor, int lifecycleId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, "administer lifecycles", ct);
            var lifecycle = await db.Lifecycles.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lifecycleId, ct)
                            ?? throw Refuse.NotFound($"There is no lifecycle #{lifecycleId}.");
            var queues = await db.Queues.AsNoTracking().Where(q => q.LifecycleId == lifecycleId).OrderBy(q => q.Name).Select(q => q.Name).ToListAsync(ct);
            return new LifecycleDetails(lifecycle.Id, LifecycleForm.From(lifecycle), queues);
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, LifecycleForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, "create lifecycles", ct);
            var lifecycle = new Lifecycle { Name = "", DefaultOnCreate = "", OnMerge = "" };
            LifecycleValidation.Apply(form, lifecycle);
            await RequireUniqueNameAsync(lifecycle, ct);
            db.Lifecycles.Add(lifecycle);
            await db.SaveChangesAsync(ct);
            return lifecycle.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int lifecycleId, LifecycleForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.SuperUser, "change lifecycles", ct);
            var lifecycle = await db.Lifecycles.SingleOrDefaultAsync(l => l.Id == lifecycleId, ct)
                            ?? throw Refuse.NotFound($"There is no lifecycle #{lifecycleId}.");
            var oldName = lifecycle.Name;
            LifecycleValidation.Apply(form, lifecycle);
            if (oldName == Lifecycle.DefaultName && lifecycle.Name != oldName)
                throw Refuse.Invalid($"The '{Lifecycle.DefaultName}' lifecycle keeps its name: NocBoard finds it by that name at start.", "Name");
            await RequireUniqueNameAsync(lifecycle, ct);
            var queues = await db.Queues.AsNoTracking().Where(q => q.LifecycleId == lifecycleId).ToListAsync(ct);
            foreach (var queue in queues)
                await LifecycleUse.RequireStatusesAsync(db, queue.Id, queue.Name, lifecycle, "Statuses", ct);
        }, ct);

    /// <summary>RT's default lifecycle as a starting point for a new one.</summary>
    public static LifecycleForm Template() => LifecycleForm.From(Lifecycle.CreateDefault());

    private async Task RequireUniqueNameAsync(Lifecycle lifecycle, CancellationToken ct)
    {
        if (await db.Lifecycles.AnyAsync(l => l.Id != lifecycle.Id && l.Name.ToLower() == lifecycle.Name.ToLower(), ct))
            throw Refuse.Invalid($"There is already a lifecycle named '{lifecycle.Name}'.", "Name");
    }
}
