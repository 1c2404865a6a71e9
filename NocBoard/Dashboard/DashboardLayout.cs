using NocBoard.Accounts;
using NocBoard.Accounts.Preferences;

namespace NocBoard.Dashboard;

/// <summary>Which portlets a user shows, in which order; saved per user.</summary>
public sealed class DashboardLayout(UserPreferences preferences)
{
    private const string Key = "dashboard.portlets";

    public async Task<List<string>> ShownAsync(Actor actor, CancellationToken ct = default)
    {
        var saved = await preferences.GetAsync<List<string>>(actor, Key, ct);
        var known = Portlet.All.Select(p => p.Id).ToHashSet();
        return saved?.Where(id => known.Contains(id) || Portlet.SavedSearchIdOf(id) is not null).Distinct().ToList()
               ?? Portlet.All.Select(p => p.Id).ToList();
    }

    public Task SaveAsync(Actor actor, IEnumerable<string> shown, CancellationToken ct = default)
    {
        var known = Portlet.All.Select(p => p.Id).ToHashSet();
        return preferences.SetAsync(actor, Key,
            shown.Where(id => known.Contains(id) || Portlet.SavedSearchIdOf(id) is not null).Distinct().ToList(), ct);
    }
}
