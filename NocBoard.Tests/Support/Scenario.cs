using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Support;

/// <summary>
/// A started NocBoard with helpers to arrange users, groups, queues and grants directly in the
/// database, and to act through the real services. Every test gets its own.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private Scenario(NocAppFactory app) => App = app;

    public NocAppFactory App { get; }
    public IServiceProvider Services => App.Services;

    public static Task<Scenario> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new NocAppFactory(settings, services);
        _ = app.Services; // starts the host: migrations and first-run seeding
        return Task.FromResult(new Scenario(app));
    }

    /// <summary>Helpers over an app the caller has already started (e.g. on Kestrel for a browser); disposing it disposes the app.</summary>
    public static Scenario For(NocAppFactory startedApp) => new(startedApp);

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(async sp => { await work(sp); return true; });

    public Task<T> DbAsync<T>(Func<NocDbContext, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<NocDbContext>()));

    public Task<Actor> RootAsync() => ActorAsync(SystemUser.RootUserName);

    public Task<Actor> ActorAsync(string userName) =>
        InScopeAsync(async sp => await sp.GetRequiredService<ActorLookup>().ByNameAsync(userName)
                                 ?? throw new InvalidOperationException($"no user {userName}"));

    public Task<int> GeneralQueueIdAsync() => DbAsync(db => db.Queues.Where(q => q.Name == Queue.DefaultName).Select(q => q.Id).SingleAsync());

    /// <summary>Creates a user (staff unless said otherwise) with a password, and returns them as an actor.</summary>
    public Task<Actor> UserAsync(string userName, bool privileged = true, string? email = null, string password = "Agent-Password-1") =>
        InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<NocUser>>();
            var user = new NocUser { UserName = userName, Email = email, Privileged = privileged, Created = DateTimeOffset.UtcNow };
            var result = await users.CreateAsync(user, password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return Actor.For(user);
        });

    public Task<int> GroupAsync(string name, params Actor[] members) => DbAsync(async db =>
    {
        var group = new Group { Name = name, Members = members.Select(m => new GroupMember { UserId = m.Id }).ToList() };
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    public Task<int> QueueAsync(string name, int? lifecycleId = null) => DbAsync(async db =>
    {
        var queue = new Queue
        {
            Name = name,
            LifecycleId = lifecycleId ?? await db.Lifecycles.Where(l => l.Name == Lifecycle.DefaultName).Select(l => l.Id).SingleAsync(),
        };
        db.Queues.Add(queue);
        await db.SaveChangesAsync();
        return queue.Id;
    });

    public Task<int> CustomFieldAsync(string name, CustomFieldType type, bool global = true, int? queueId = null, params string[] values) =>
        DbAsync(async db =>
        {
            var field = new CustomField { Name = name, Type = type, AppliesGlobally = global, Values = values.ToList() };
            if (queueId is { } q) field.Queues.Add(new QueueCustomField { QueueId = q });
            db.CustomFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });

    public Task GrantAsync(string right, int? queueId = null, Actor? user = null, int? groupId = null, RoleName? role = null) =>
        DbAsync(async db =>
        {
            db.RightGrants.Add(new RightGrant { Right = right, QueueId = queueId, UserId = user?.Id, GroupId = groupId, Role = role });
            return await db.SaveChangesAsync();
        });

    /// <summary>Grants each right to the user on the queue (or globally).</summary>
    public async Task GrantAllAsync(Actor user, int? queueId, params string[] rights)
    {
        foreach (var right in rights) await GrantAsync(right, queueId, user: user);
    }

    public Task<TicketChangeResult> CreateAsync(Actor actor, NewTicket ticket) =>
        InScopeAsync(sp => sp.GetRequiredService<TicketService>().CreateAsync(ticket, actor));

    /// <summary>Creates a ticket in General as root and returns its number.</summary>
    public async Task<int> TicketAsync(string subject = "Link down at POP-1", int? queueId = null, string? status = null)
    {
        var result = await CreateAsync(await RootAsync(), new NewTicket
        {
            QueueId = queueId ?? await GeneralQueueIdAsync(),
            Subject = subject,
            Status = status,
        });
        return result.EnsureSucceeded().Id;
    }

    public Task<TicketChangeResult> ApplyAsync(Actor actor, int ticketId, TicketChange change, int? expectedVersion = null) =>
        InScopeAsync(sp => sp.GetRequiredService<TicketService>().ApplyAsync(ticketId, change, actor, expectedVersion));

    public Task<TicketChangeResult> ApplyAsync(Actor actor, int ticketId, params TicketChange[] changes) =>
        InScopeAsync(sp => sp.GetRequiredService<TicketService>().ApplyAsync(ticketId, changes, actor));

    public Task<Ticket> LoadTicketAsync(int id) => DbAsync(db =>
        db.Tickets.AsNoTracking().Include(t => t.Watchers).Include(t => t.CustomFieldValues).SingleAsync(t => t.Id == id));

    public Task<List<TicketTransaction>> TransactionsAsync(int ticketId) => DbAsync(db =>
        db.Transactions.AsNoTracking().Include(t => t.Attachments).Where(t => t.TicketId == ticketId).OrderBy(t => t.Id).ToListAsync());

    /// <summary>Row counts of every table a change writes to, to prove a refusal wrote nothing.</summary>
    public Task<string> FootprintAsync() => DbAsync(async db =>
        string.Join(",",
            await db.Tickets.CountAsync(), await db.Transactions.CountAsync(), await db.Attachments.CountAsync(),
            await db.TicketWatchers.CountAsync(), await db.Links.CountAsync(), await db.CustomFieldValues.CountAsync(),
            await db.Outbox.CountAsync(),
            string.Join(";", await db.Tickets.OrderBy(t => t.Id).Select(t => t.Status + t.Version + t.OwnerId + t.Priority + t.QueueId + t.Subject).ToListAsync())));
}
