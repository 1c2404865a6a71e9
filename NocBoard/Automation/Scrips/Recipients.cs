using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>Who a role of a ticket is, as mail addresses: the ticket's watchers, its queue's watchers (Cc, AdminCc) and group members.</summary>
public sealed class Recipients(NocDbContext db)
{
    public async Task<List<string>> OfRoleAsync(Ticket ticket, WatcherRole role, CancellationToken ct)
    {
        var watchers = await db.TicketWatchers.AsNoTracking().Where(w => w.TicketId == ticket.Id && w.Role == role)
            .Select(w => new { w.UserId, w.Email }).ToListAsync(ct);
        var userIds = watchers.Where(w => w.UserId is not null).Select(w => w.UserId!.Value).ToList();
        var emails = watchers.Where(w => w.Email is not null).Select(w => w.Email!).ToList();
        if (role != WatcherRole.Requestor)
        {
            var queueWatchers = await db.QueueWatchers.AsNoTracking().Where(w => w.QueueId == ticket.QueueId && w.Role == role)
                .Select(w => new { w.UserId, w.GroupId, w.Email }).ToListAsync(ct);
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
