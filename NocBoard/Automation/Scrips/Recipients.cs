using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>Who a role of a ticket is, as mail addresses: the ticket's watchers, its queue's watchers (Cc, AdminCc) and group members.</summary>
/// <remarks>
/// One scrip run asks for several roles of the same ticket: its watchers are read once per version
/// of the ticket (every change of watchers moves the version), its queue's from a kept copy.
/// </remarks>
public sealed class Recipients(NocDbContext db, QueueWatcherCatalog queueWatcherCatalog)
{
    private (int TicketId, int Version, List<TicketWatcher> Watchers)? read;

    private async Task<List<TicketWatcher>> WatchersOfAsync(Ticket ticket, CancellationToken ct)
    {
        if (read is { } known && known.TicketId == ticket.Id && known.Version == ticket.Version) return known.Watchers;
        var watchers = await db.TicketWatchers.AsNoTracking().Where(w => w.TicketId == ticket.Id).ToListAsync(ct);
        read = (ticket.Id, ticket.Version, watchers);
        return watchers;
    }

    public async Task<List<string>> OfRoleAsync(Ticket ticket, WatcherRole role, CancellationToken ct)
    {
        var watchers = (await WatchersOfAsync(ticket, ct)).Where(w => w.Role == role).OrderBy(w => w.Id).ToList();
        var userIds = watchers.Where(w => w.UserId is not null).Select(w => w.UserId!.Value).ToList();
        var emails = watchers.Where(w => w.Email is not null).Select(w => w.Email!).ToList();
        if (role != WatcherRole.Requestor)
        {
            var queueWatchers = (await queueWatcherCatalog.AllAsync(db, ct)).Where(w => w.QueueId == ticket.QueueId && w.Role == role).ToList();
            userIds.AddRange(queueWatchers.Where(w => w.UserId is not null).Select(w => w.UserId!.Value));
            emails.AddRange(queueWatchers.Where(w => w.Email is not null).Select(w => w.Email!));
            var groups = queueWatchers.Where(w => w.GroupId is not null).Select(w => w.GroupId!.Value).ToList();
            if (groups.Count > 0)
                userIds.AddRange(await MembersAsync(groups, ct));
        }
        emails.AddRange(await EmailsOfAsync(userIds, ct));
        return Distinct(emails);
    }

    public async Task<List<string>> OwnerAsync(Ticket ticket, CancellationToken ct) =>
        ticket.OwnerId is { } owner ? await EmailsOfAsync([owner], ct) : [];

    public async Task<List<string>> GroupAsync(string groupName, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Name == groupName && !g.Disabled, ct)
                    ?? throw new InvalidOperationException($"There is no enabled group '{groupName}' to notify.");
        return Distinct(await EmailsOfAsync(await MembersAsync([group.Id], ct), ct));
    }

    /// <summary>Users (ids) of a group, for digests that go to people rather than addresses.</summary>
    public async Task<List<int>> MembersAsync(IReadOnlyCollection<int> groupIds, CancellationToken ct) =>
        await db.GroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId)).Select(m => m.UserId).Distinct().ToListAsync(ct);

    private async Task<List<string>> EmailsOfAsync(IReadOnlyCollection<int> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var emails = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && !u.Disabled && u.Email != null && u.UserName != SystemUser.UserName)
            .Select(u => u.Email!).ToListAsync(ct);
        return emails;
    }

    public static List<string> Distinct(IEnumerable<string> emails) =>
        emails.Select(EmailAddresses.Normalize).Where(e => e is not null).Select(e => e!).Distinct().ToList();
}

/// <summary>
/// Every queue's watchers, read once and kept until a commit adds, changes or removes one: each
/// notification to Ccs or AdminCcs asks for them. The kept rows are shared and only read.
/// </summary>
public sealed class QueueWatcherCatalog(ChangeGenerations generations)
{
    private readonly KeptCopy<List<QueueWatcher>> kept = new(generations, typeof(QueueWatcher));

    public async Task<IReadOnlyList<QueueWatcher>> AllAsync(NocDbContext db, CancellationToken ct) =>
        await kept.GetAsync(() => db.QueueWatchers.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct));
}
