using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>Arrangement and evaluation helpers the rights tests share.</summary>
internal static class RightsArrange
{
    public static readonly string[] QueueRights = Right.All.Where(r => r.Scope == RightScope.Queue).Select(r => r.Name).ToArray();
    public static readonly string[] AllRights = Right.All.Select(r => r.Name).ToArray();

    /// <summary>
    /// Creates a user without a password (the rights tests never log in, and hashing one costs
    /// more than everything else such a test does), returned as an actor.
    /// </summary>
    public static Task<Actor> AccountAsync(this Scenario s, string userName, bool privileged = true, string? email = null) =>
        s.InScopeAsync(async sp =>
        {
            var user = new NocUser { UserName = userName, Email = email, Privileged = privileged, Created = DateTimeOffset.UtcNow };
            var result = await sp.GetRequiredService<UserManager<NocUser>>().CreateAsync(user);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return Actor.For(user);
        });

    /// <summary>
    /// A clean slate: removes every grant but SuperUser (root's and system's), including the seeded
    /// defaults (Everyone: CreateTicket and ReplyToTicket; Requestor: ShowTicket).
    /// </summary>
    public static Task RevokeAllButSuperUserAsync(this Scenario s) =>
        s.DbAsync(db => db.RightGrants.Where(g => g.Right != Right.SuperUser).ExecuteDeleteAsync());

    /// <summary>Grants each right to one principal, globally (queueId null) or on a queue.</summary>
    public static Task GrantEachAsync(this Scenario s, IEnumerable<string> rights, int? queueId,
        int? userId = null, int? groupId = null, RoleName? role = null) =>
        s.DbAsync(db =>
        {
            foreach (var right in rights)
                db.RightGrants.Add(new RightGrant { Right = right, QueueId = queueId, UserId = userId, GroupId = groupId, Role = role });
            return db.SaveChangesAsync();
        });

    public static Task QueueWatcherAsync(this Scenario s, int queueId, WatcherRole role, int? userId = null, int? groupId = null, string? email = null) =>
        s.DbAsync(db =>
        {
            db.QueueWatchers.Add(new QueueWatcher { QueueId = queueId, Role = role, UserId = userId, GroupId = groupId, Email = email });
            return db.SaveChangesAsync();
        });

    /// <summary>Sets the owner without the write path (arrangement only: the owner need not hold OwnTicket).</summary>
    public static Task SetOwnerDirectlyAsync(this Scenario s, int ticketId, int? ownerId) =>
        s.DbAsync(db => db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(u => u.SetProperty(t => t.OwnerId, ownerId)));

    public static Task DisableUserAsync(this Scenario s, Actor user) =>
        s.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true)));

    public static Task DisableGroupAsync(this Scenario s, int groupId) =>
        s.DbAsync(db => db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true)));

    public static Task<bool> HasAsync(this Scenario s, int userId, string right, int? queueId) =>
        s.InScopeAsync(sp => sp.GetRequiredService<RightsService>().HasAsync(userId, right, queueId));

    /// <summary>The numbers of every ticket <see cref="TicketReader.QueryAsync"/> lets the actor see, in order.</summary>
    public static Task<List<int>> VisibleAsync(this Scenario s, Actor actor) =>
        s.InScopeAsync(async sp =>
        {
            var query = await sp.GetRequiredService<TicketReader>().QueryAsync(actor);
            return await query.Select(t => t.Id).OrderBy(id => id).ToListAsync();
        });

    public static Task<Ticket?> GetAsync(this Scenario s, int ticketId, Actor actor) =>
        s.InScopeAsync(sp => sp.GetRequiredService<TicketReader>().GetAsync(ticketId, actor));

    public static Task<IReadOnlyList<TicketTransaction>?> HistoryAsync(this Scenario s, int ticketId, Actor actor) =>
        s.InScopeAsync(sp => sp.GetRequiredService<TicketReader>().HistoryAsync(ticketId, actor));

    /// <summary>An actor for a user id that belongs to no one.</summary>
    public static Actor Unknown(int id = 987_654) => new(id, "nobody-such", true, null);
}
