using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Admin.CustomFields;
using NocBoard.Admin.Groups;
using NocBoard.Admin.Lifecycles;
using NocBoard.Admin.Queues;
using NocBoard.Admin.Rights;
using NocBoard.Admin.Users;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Admin;

/// <summary>Calling the admin services as the app does (one scope per call), and proving refusals wrote nothing.</summary>
internal static class AdminArrange
{
    public static Task<T> QueuesAsync<T>(this Scenario s, Func<QueueAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<QueueAdmin>()));
    public static Task<T> QueueWatchersAsync<T>(this Scenario s, Func<QueueWatchersAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<QueueWatchersAdmin>()));
    public static Task<T> UsersAsync<T>(this Scenario s, Func<UserAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<UserAdmin>()));
    public static Task<T> GroupsAsync<T>(this Scenario s, Func<GroupAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<GroupAdmin>()));
    public static Task<T> RightsAsync<T>(this Scenario s, Func<RightsAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<RightsAdmin>()));
    public static Task<T> CustomFieldsAsync<T>(this Scenario s, Func<CustomFieldAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<CustomFieldAdmin>()));
    public static Task<T> LifecyclesAsync<T>(this Scenario s, Func<LifecycleAdmin, Task<T>> call) => s.InScopeAsync(sp => call(sp.GetRequiredService<LifecycleAdmin>()));

    /// <summary>Everything the admin services write, row by row, to prove a refusal changed nothing.</summary>
    public static Task<string> AdminFootprintAsync(this Scenario s) => s.DbAsync(async db => string.Join("\n",
        JsonSerializer.Serialize(await db.Queues.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.QueueWatchers.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.QueueCustomFields.AsNoTracking().OrderBy(x => x.QueueId).ThenBy(x => x.CustomFieldId).ToListAsync()),
        JsonSerializer.Serialize(await db.Users.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.Groups.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.GroupMembers.AsNoTracking().OrderBy(x => x.GroupId).ThenBy(x => x.UserId).ToListAsync()),
        JsonSerializer.Serialize(await db.RightGrants.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.CustomFields.AsNoTracking().OrderBy(x => x.Id).ToListAsync()),
        JsonSerializer.Serialize(await db.Lifecycles.AsNoTracking().OrderBy(x => x.Id).ToListAsync())));

    public static void AssertForbidden(AdminError? error, string right)
    {
        Assert.NotNull(error);
        Assert.Equal(AdminErrorKind.Forbidden, error.Kind);
        Assert.Contains($"needs the {right} right", error.Message);
    }

    public static void AssertInvalid(AdminError? error, string? field, string text)
    {
        Assert.NotNull(error);
        Assert.Equal(AdminErrorKind.Invalid, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Contains(text, error.Message);
    }

    public static void AssertNotFound(AdminError? error, string text)
    {
        Assert.NotNull(error);
        Assert.Equal(AdminErrorKind.NotFound, error.Kind);
        Assert.Contains(text, error.Message);
    }

    public static Task<int> DefaultLifecycleIdAsync(this Scenario s) =>
        s.DbAsync(db => db.Lifecycles.Where(l => l.Name == NocBoard.Queues.Lifecycle.DefaultName).Select(l => l.Id).SingleAsync());

    public static async Task<QueueForm> QueueFormAsync(this Scenario s, string name) => new()
    {
        Name = name,
        Description = "Network outages",
        CorrespondAddress = "outages@noc.example.net",
        CommentAddress = "outages-comment@noc.example.net",
        LifecycleId = await s.DefaultLifecycleIdAsync(),
        DefaultDueInDays = 2,
        InitialPriority = 50,
        FinalPriority = 90,
    };

    public static Task<List<RightGrant>> GrantsAsync(this Scenario s) =>
        s.DbAsync(db => db.RightGrants.AsNoTracking().OrderBy(g => g.Id).ToListAsync());
}
