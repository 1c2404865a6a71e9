using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Admin.Queues;

/// <summary>
/// Creating and changing queues. Creating needs AdminQueue globally; changing one queue needs
/// AdminQueue on it (or globally). Queues are disabled, never deleted.
/// </summary>
public sealed class QueueAdmin(NocDbContext db, AdminRights rights, AdminWriter writer, IOptions<TicketOptions> ticketOptions)
{
    /// <summary>The queues the actor may administer, disabled ones included.</summary>
    public Task<AdminResult<IReadOnlyList<QueueSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<QueueSummary>>(async () =>
        {
            var mine = await rights.QueuesWithAsync(actor, Right.AdminQueue, ct);
            if (mine.Count == 0 && !await rights.HasAsync(actor, Right.AdminQueue, null, ct))
                throw Refuse.Forbidden("You may not administer queues: that needs the AdminQueue right, globally or on a queue.");
            var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).OrderBy(q => q.Name).ToListAsync(ct);
            return queues.Where(q => mine.Contains(q.Id))
                .Select(q => new QueueSummary(q.Id, q.Name, q.Description, q.Lifecycle.Name, q.Disabled)).ToList();
        });

    public Task<AdminResult<QueueDetails>> GetAsync(Actor actor, int queueId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            var queue = await FindAsync(queueId, ct);
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queue.Id, queue.Name, $"administer queue '{queue.Name}'", ct);
            var watchers = await QueueWatchersAdmin.ViewsAsync(db, queueId, ct);
            var fields = await db.QueueCustomFields.AsNoTracking().Where(f => f.QueueId == queueId).Select(f => f.CustomFieldId).ToListAsync(ct);
            return new QueueDetails(queue.Id, queue.Name, FormOf(queue), queue.Disabled, watchers, fields);
        });

    /// <summary>The lifecycles and custom fields a queue editor offers.</summary>
    public Task<AdminResult<QueueChoices>> ChoicesAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            if ((await rights.QueuesWithAsync(actor, Right.AdminQueue, ct)).Count == 0 && !await rights.HasAsync(actor, Right.AdminQueue, null, ct))
                throw Refuse.Forbidden("You may not administer queues: that needs the AdminQueue right, globally or on a queue.");
            var lifecycles = await db.Lifecycles.AsNoTracking().OrderBy(l => l.Name).Select(l => new Choice(l.Id, l.Name)).ToListAsync(ct);
            var fields = await db.CustomFields.AsNoTracking().Where(f => !f.Disabled).OrderBy(f => f.Name)
                .Select(f => new { f.Id, f.Name, f.AppliesGlobally }).ToListAsync(ct);
            return new QueueChoices(lifecycles,
                fields.Where(f => !f.AppliesGlobally).Select(f => new Choice(f.Id, f.Name)).ToList(),
                fields.Where(f => f.AppliesGlobally).Select(f => new Choice(f.Id, f.Name)).ToList());
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, QueueForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminQueue, "create queues", ct);
            var queue = new Queue { Name = "" };
            await ApplyAsync(queue, form, ct);
            db.Queues.Add(queue);
            await db.SaveChangesAsync(ct);
            return queue.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int queueId, QueueForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var queue = await FindAsync(queueId, ct, tracked: true);
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queue.Id, queue.Name, $"change queue '{queue.Name}'", ct);
            await ApplyAsync(queue, form, ct);
        }, ct);

    public Task<AdminResult> SetDisabledAsync(Actor actor, int queueId, bool disabled, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var queue = await FindAsync(queueId, ct, tracked: true);
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queue.Id, queue.Name,
                $"{(disabled ? "disable" : "enable")} queue '{queue.Name}'", ct);
            queue.Disabled = disabled;
        }, ct);

    /// <summary>Sets which of the custom fields that apply to chosen queues apply to this one.</summary>
    public Task<AdminResult> SetCustomFieldsAsync(Actor actor, int queueId, IReadOnlyCollection<int> customFieldIds, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var queue = await FindAsync(queueId, ct);
            await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queue.Id, queue.Name, $"choose the custom fields of queue '{queue.Name}'", ct);
            var wanted = customFieldIds.ToHashSet();
            var fields = await db.CustomFields.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToListAsync(ct);
            foreach (var unknown in wanted.Where(id => fields.All(f => f.Id != id)))
                throw Refuse.NotFound($"There is no custom field #{unknown}.");
            if (fields.FirstOrDefault(f => f.AppliesGlobally) is { } global)
                throw Refuse.Invalid($"Custom field '{global.Name}' applies to every queue; it cannot be chosen for one.", "CustomFields");
            var current = await db.QueueCustomFields.Where(f => f.QueueId == queueId).ToListAsync(ct);
            db.QueueCustomFields.RemoveRange(current.Where(f => !wanted.Contains(f.CustomFieldId)));
            db.QueueCustomFields.AddRange(wanted.Where(id => current.All(f => f.CustomFieldId != id))
                .Select(id => new NocBoard.CustomFields.QueueCustomField { QueueId = queueId, CustomFieldId = id }));
        }, ct);

    private async Task ApplyAsync(Queue queue, QueueForm form, CancellationToken ct)
    {
        var name = AdminInput.Name(form.Name, "A queue");
        if (await db.Queues.AnyAsync(q => q.Id != queue.Id && q.Name.ToLower() == name.ToLower(), ct))
            throw Refuse.Invalid($"There is already a queue named '{name}'.", "Name");
        var correspond = AdminInput.Email(form.CorrespondAddress, "Reply address", "CorrespondAddress");
        var comment = AdminInput.Email(form.CommentAddress, "Comment address", "CommentAddress");
        if (form.DefaultDueInDays is < 0)
            throw Refuse.Invalid($"Default due in: {form.DefaultDueInDays} days is not a number of days from now.", "DefaultDueInDays");
        var (min, max) = (ticketOptions.Value.MinPriority, ticketOptions.Value.MaxPriority);
        if (form.InitialPriority < min || form.InitialPriority > max)
            throw Refuse.Invalid($"Initial priority {form.InitialPriority} is outside {min}–{max}.", "InitialPriority");
        if (form.FinalPriority < min || form.FinalPriority > max)
            throw Refuse.Invalid($"Final priority {form.FinalPriority} is outside {min}–{max}.", "FinalPriority");
        var lifecycle = await db.Lifecycles.AsNoTracking().SingleOrDefaultAsync(l => l.Id == form.LifecycleId, ct)
                        ?? throw Refuse.Invalid($"There is no lifecycle #{form.LifecycleId}.", "LifecycleId");
        if (queue.Id != 0 && queue.LifecycleId != lifecycle.Id)
            await LifecycleUse.RequireStatusesAsync(db, queue.Id, queue.Name, lifecycle, "LifecycleId", ct);

        queue.Name = name;
        queue.Description = AdminInput.Optional(form.Description);
        queue.CorrespondAddress = correspond;
        queue.CommentAddress = comment;
        queue.LifecycleId = lifecycle.Id;
        queue.DefaultDueInDays = form.DefaultDueInDays;
        queue.InitialPriority = form.InitialPriority;
        queue.FinalPriority = form.FinalPriority;
    }

    private async Task<Queue> FindAsync(int queueId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Queues : db.Queues.AsNoTracking();
        return await query.SingleOrDefaultAsync(q => q.Id == queueId, ct) ?? throw Refuse.NotFound($"There is no queue #{queueId}.");
    }

    private static QueueForm FormOf(Queue q) => new()
    {
        Name = q.Name,
        Description = q.Description,
        CorrespondAddress = q.CorrespondAddress,
        CommentAddress = q.CommentAddress,
        LifecycleId = q.LifecycleId,
        DefaultDueInDays = q.DefaultDueInDays,
        InitialPriority = q.InitialPriority,
        FinalPriority = q.FinalPriority,
    };
}
