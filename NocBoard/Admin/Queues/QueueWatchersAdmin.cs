using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Admin.Queues;

/// <summary>
/// A queue's own Cc and AdminCc: users, groups or addresses who watch every ticket of the queue.
/// Needs AdminQueue on the queue (or globally).
/// </summary>
public sealed class QueueWatchersAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<int>> AddAsync(Actor actor, int queueId, QueueWatcherInput input, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var queue = await QueueAsync(actor, queueId, ct);
            if (input.Role == WatcherRole.Requestor)
                throw Refuse.Invalid("A queue's watchers are Cc or AdminCc; requestors belong to tickets.", "Role");
            var given = (input.UserId is null ? 0 : 1) + (input.GroupId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(input.Email) ? 0 : 1);
            if (given != 1)
                throw Refuse.Invalid("Name exactly one watcher: a user, a group, or an email address.", "Watcher");

            var watcher = new QueueWatcher { QueueId = queue.Id, Role = input.Role };
            string name;
            if (input.UserId is { } userId)
            {
                name = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(ct)
                       ?? throw Refuse.NotFound($"There is no user #{userId}.");
                watcher.UserId = userId;
            }
            else if (input.GroupId is { } groupId)
            {
                name = await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(ct)
                       ?? throw Refuse.NotFound($"There is no group #{groupId}.");
                watcher.GroupId = groupId;
            }
            else
            {
                name = watcher.Email = AdminInput.Email(input.Email, "Watcher", "Watcher")!;
            }

            var existing = await db.QueueWatchers.AnyAsync(w => w.QueueId == queue.Id && w.Role == input.Role
                && w.UserId == watcher.UserId && w.GroupId == watcher.GroupId && w.Email == watcher.Email, ct);
            if (existing)
                throw Refuse.Invalid($"{name} is already {input.Role} of queue '{queue.Name}'.", "Watcher");
            db.QueueWatchers.Add(watcher);
            await db.SaveChangesAsync(ct);
            return watcher.Id;
        }, ct);

    public Task<AdminResult> RemoveAsync(Actor actor, int queueId, int watcherId, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await QueueAsync(actor, queueId, ct);
            var watcher = await db.QueueWatchers.SingleOrDefaultAsync(w => w.Id == watcherId && w.QueueId == queueId, ct)
                          ?? throw Refuse.NotFound($"Queue #{queueId} has no watcher #{watcherId}.");
            db.QueueWatchers.Remove(watcher);
        }, ct);

    private async Task<Queue> QueueAsync(Actor actor, int queueId, CancellationToken ct)
    {
        var queue = await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == queueId, ct)
                    ?? throw Refuse.NotFound($"There is no queue #{queueId}.");
        await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queue.Id, queue.Name, $"change the watchers of queue '{queue.Name}'", ct);
        return queue;
    }

    internal static async Task<IReadOnlyList<QueueWatcherView>> ViewsAsync(NocDbContext db, int queueId, CancellationToken ct)
    {
        var rows = await (
            from w in db.QueueWatchers.AsNoTracking().Where(w => w.QueueId == queueId)
            from u in db.Users.Where(u => u.Id == w.UserId).DefaultIfEmpty()
            from g in db.Groups.Where(g => g.Id == w.GroupId).DefaultIfEmpty()
            select new { w.Id, w.Role, w.UserId, w.GroupId, w.Email, UserName = u == null ? null : u.UserName, GroupName = g == null ? null : g.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.Id)
            .Select(r => r.UserId is not null ? new QueueWatcherView(r.Id, r.Role, "user", r.UserName ?? $"user #{r.UserId}")
                : r.GroupId is not null ? new QueueWatcherView(r.Id, r.Role, "group", r.GroupName ?? $"group #{r.GroupId}")
                : new QueueWatcherView(r.Id, r.Role, "email", r.Email ?? ""))
            .ToList();
    }
}
