using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>
/// Users as actors, by id and by name, kept until a commit changes or removes a user: every
/// request, alert and scrip run names its actor, and users change rarely. Only users that exist
/// are kept, so a user added later is found at once.
/// </summary>
public sealed class ActorCache(ChangeGenerations generations)
{
    private readonly ConcurrentDictionary<int, Kept> byId = new();
    private readonly ConcurrentDictionary<string, Kept> byName = new(StringComparer.Ordinal);

    /// <summary>The actor, and whether the account is disabled.</summary>
    public sealed record Kept(long Generation, Actor Actor, bool Disabled);

    public Task<Kept?> ByIdAsync(NocDbContext db, int id, CancellationToken ct) =>
        GetAsync(byId, id, () => db.Users.AsNoTracking().Where(u => u.Id == id), ct);

    public Task<Kept?> ByNameAsync(NocDbContext db, string userName, CancellationToken ct) =>
        GetAsync(byName, userName, () => db.Users.AsNoTracking().Where(u => u.UserName == userName), ct);

    // The query is built only on a miss: building it touches the context, which a hit never needs.
    private async Task<Kept?> GetAsync<TKey>(ConcurrentDictionary<TKey, Kept> kept, TKey key, Func<IQueryable<NocUser>> query, CancellationToken ct)
        where TKey : notnull
    {
        var generation = generations.Of(countAdded: false, typeof(NocUser));
        if (kept.TryGetValue(key, out var hit) && hit.Generation == generation) return hit;
        var user = await query().SingleOrDefaultAsync(ct);
        if (user is null) return null;
        if (kept.Count > 10_000) kept.Clear();
        return kept[key] = new Kept(generation, Actor.For(user), user.Disabled);
    }
}
