using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Digests;

/// <summary>
/// Daily, to each queue's managers (Automation:DigestManagersGroup, or the queue's AdminCcs): the
/// queue's active tickets nobody owns, oldest first, with age, priority and links — each manager
/// only the ones they may see.
/// </summary>
public sealed class UntakenDigestJob(NocDbContext db, DigestMailer digests, Recipients recipients, IOptions<AutomationOptions> options,
    TimeProvider clock) : IScheduledJob
{
    public const string TemplateName = "Untaken Digest";

    public string Id => "untaken-digest";
    public string Description => "Mails each queue's managers the queue's unowned active tickets, oldest first.";
    public string DefaultSchedule => "0 8 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UntakenAfter;
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        var managersGroup = options.Value.DigestManagersGroup.Trim();
        List<int>? groupManagers = null;
        if (managersGroup.Length > 0)
        {
            var groupId = await db.Groups.AsNoTracking().Where(g => g.Name == managersGroup && !g.Disabled).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct)
                          ?? throw new InvalidOperationException($"Automation:DigestManagersGroup names no enabled group ('{managersGroup}').");
            groupManagers = await recipients.MembersAsync([groupId], ct);
        }

        foreach (var queue in await db.Queues.AsNoTracking().Where(q => !q.Disabled).OrderBy(q => q.Name).ToListAsync(ct))
        {
            var untaken = await db.Tickets.AsNoTracking()
                .Where(t => t.QueueId == queue.Id && t.EffectiveId == t.Id && t.OwnerId == null && t.Created <= cutoff)
                .Where(active)
                .Select(t => new { t.Id, t.Created })
                .ToListAsync(ct);
            if (untaken.Count == 0) continue;
            var ids = untaken.OrderBy(t => t.Created).ThenBy(t => t.Id).Select(t => t.Id).ToList();
            var managers = groupManagers ?? await QueueAdminCcsAsync(queue.Id, ct);
            foreach (var manager in await digests.StaffAsync(managers, ct))
            {
                var visible = await digests.VisibleAsync(manager, ids, ct);
                if (visible.Count == 0) continue;
                await digests.SendAsync(TemplateName, queue.Id, manager, new TemplateValues
                {
                    Queue = new QueueModel(queue.Id, queue.Name),
                    Tickets = await digests.ModelsAsync(visible, ct),
                }, $"digest:untaken:{digests.Today}:{queue.Id}:{manager.Id}", ct);
            }
        }
    }

    private async Task<List<int>> QueueAdminCcsAsync(int queueId, CancellationToken ct)
    {
        var watchers = await db.QueueWatchers.AsNoTracking().Where(w => w.QueueId == queueId && w.Role == WatcherRole.AdminCc)
            .Select(w => new { w.UserId, w.GroupId }).ToListAsync(ct);
        var users = watchers.Where(w => w.UserId is not null).Select(w => w.UserId!.Value).ToList();
        var groups = watchers.Where(w => w.GroupId is not null).Select(w => w.GroupId!.Value).ToList();
        if (groups.Count > 0) users.AddRange(await recipients.MembersAsync(groups, ct));
        return users.Distinct().ToList();
    }
}
