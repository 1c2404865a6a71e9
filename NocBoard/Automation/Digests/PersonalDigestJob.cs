using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Preferences;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Queues;

namespace NocBoard.Automation.Digests;

/// <summary>
/// Daily, to each staff member who owns active tickets: those tickets, overdue first, then by due
/// date and priority. Anyone can turn it off in their preferences.
/// </summary>
public sealed class PersonalDigestJob(NocDbContext db, DigestMailer digests, UserPreferences preferences, TimeProvider clock) : IScheduledJob
{
    public const string TemplateName = "Personal Digest";

    /// <summary>The preference (a boolean, default true) that says whether a user gets the digest.</summary>
    public const string PreferenceKey = "automation.personal-digest";

    public string Id => "personal-digest";
    public string Description => "Mails each staff member the active tickets they own, overdue first.";
    public string DefaultSchedule => "0 8 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await StatusGroupFilter.ForAsync(db, active: true, ct);
        var owned = await db.Tickets.AsNoTracking()
            .Where(t => t.EffectiveId == t.Id && t.OwnerId != null)
            .Where(active)
            .Select(t => new { t.Id, OwnerId = t.OwnerId!.Value, t.Due, t.Priority })
            .ToListAsync(ct);
        foreach (var owner in await digests.StaffAsync(owned.Select(t => t.OwnerId).Distinct().ToList(), ct))
        {
            if (await preferences.GetAsync<bool?>(Actor.For(owner), PreferenceKey, ct) == false) continue;
            var ids = owned.Where(t => t.OwnerId == owner.Id)
                .OrderByDescending(t => t.Due is { } due && due < now)
                .ThenBy(t => t.Due ?? DateTimeOffset.MaxValue)
                .ThenByDescending(t => t.Priority)
                .ThenBy(t => t.Id)
                .Select(t => t.Id).ToList();
            var visible = await digests.VisibleAsync(owner, ids, ct);
            if (visible.Count == 0) continue;
            await digests.SendAsync(TemplateName, null, owner, new TemplateValues { Tickets = await digests.ModelsAsync(visible, ct) },
                $"digest:personal:{digests.Today}:{owner.Id}", ct);
        }
    }
}
