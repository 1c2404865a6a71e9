using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Search.Saved;

public enum SavedSearchScope { Personal, Group, Global }

/// <summary>
/// Saved searches: personal ones for their owner, group ones for the group's members, global ones
/// for everyone. Saving for a group needs membership of it; saving globally needs SuperUser (as in RT).
/// </summary>
public sealed class SavedSearches(NocDbContext db, RightsService rights, TicketSearch search, TimeProvider clock)
{
    public async Task<List<SavedSearch>> VisibleAsync(Actor actor, CancellationToken ct = default)
    {
        var subject = await rights.SubjectAsync(actor.Id, ct);
        var groups = subject.GroupIds.ToList();
        return await db.SavedSearches.AsNoTracking()
            .Where(s => s.UserId == actor.Id || (s.GroupId != null && groups.Contains(s.GroupId.Value)) || (s.UserId == null && s.GroupId == null))
            .OrderBy(s => s.Name).ToListAsync(ct);
    }

    /// <summary>The groups the actor may share searches with: those they are a member of.</summary>
    public async Task<List<(int Id, string Name)>> GroupsOfAsync(Actor actor, CancellationToken ct = default)
    {
        var groups = (await rights.SubjectAsync(actor.Id, ct)).GroupIds.ToList();
        return (await db.Groups.AsNoTracking().Where(g => groups.Contains(g.Id)).OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .Select(g => (g.Id, g.Name)).ToList();
    }

    public async Task<SavedSearch?> GetAsync(int id, Actor actor, CancellationToken ct = default) =>
        (await VisibleAsync(actor, ct)).FirstOrDefault(s => s.Id == id);

    /// <summary>Saves a search; throws <see cref="ArgumentException"/> or <see cref="UnauthorizedAccessException"/> with the reason when it may not.</summary>
    public async Task<SavedSearch> SaveAsync(string name, string query, string? orderBy, IReadOnlyList<string> columns,
        SavedSearchScope scope, int? groupId, Actor actor, CancellationToken ct = default)
    {
        actor.RequireNotWallDisplay("save searches");
        name = name.Trim();
        if (name.Length == 0) throw new ArgumentException("A saved search needs a name.");
        await search.ValidateAsync(query, orderBy, actor, ct);   // never save what cannot run
        var subject = await rights.SubjectAsync(actor.Id, ct);
        if (scope == SavedSearchScope.Global && !subject.IsSuperUser)
            throw new UnauthorizedAccessException("Saving a search for everyone needs the SuperUser right.");
        if (scope == SavedSearchScope.Group && (groupId is not { } g || !subject.GroupIds.Contains(g)))
            throw new UnauthorizedAccessException("You can only save searches for groups you are a member of.");

        var saved = new SavedSearch
        {
            Name = name,
            Query = query,
            OrderBy = string.IsNullOrWhiteSpace(orderBy) ? "id" : orderBy,
            Columns = columns.ToList(),
            UserId = scope == SavedSearchScope.Personal ? actor.Id : null,
            GroupId = scope == SavedSearchScope.Group ? groupId : null,
            CreatorId = actor.Id,
            Created = clock.GetUtcNow(),
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>Deletes a search the actor owns (or, for shared ones, created or may administer).</summary>
    public async Task DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new ArgumentException($"There is no saved search #{id}.");
        var subject = await rights.SubjectAsync(actor.Id, ct);
        if (saved.UserId != actor.Id && saved.CreatorId != actor.Id && !subject.IsSuperUser)
            throw new UnauthorizedAccessException("You may delete only your own saved searches.");
        db.SavedSearches.Remove(saved);
        await db.SaveChangesAsync(ct);
    }
}
