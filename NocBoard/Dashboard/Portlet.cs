namespace NocBoard.Dashboard;

/// <summary>The portlets of the at-a-glance page, in their default order.</summary>
public static class Portlet
{
    public const string HighestPriorityOwned = "owned";
    public const string NewestUnowned = "unowned";
    public const string MyReminders = "reminders";
    public const string QuickSearch = "quicksearch";
    public const string Bookmarks = "bookmarks";
    public const string QuickCreate = "quickcreate";
    public const string DueSoon = "duesoon";
    public const string RecentActivity = "activity";

    public static readonly IReadOnlyList<(string Id, string Title)> All =
    [
        (HighestPriorityOwned, "10 highest priority tickets I own"),
        (NewestUnowned, "10 newest unowned tickets"),
        (MyReminders, "My reminders"),
        (QuickSearch, "Quick search"),
        (Bookmarks, "Bookmarked tickets"),
        (QuickCreate, "Quick ticket creation"),
        (DueSoon, "Tickets due soon or overdue"),
        (RecentActivity, "Recent activity"),
    ];

    public static string TitleOf(string id) => All.FirstOrDefault(p => p.Id == id).Title ?? id;

    /// <summary>A saved search shown as a portlet: "search:12".</summary>
    public static string ForSavedSearch(int savedSearchId) => $"search:{savedSearchId}";

    public static int? SavedSearchIdOf(string id) =>
        id.StartsWith("search:", StringComparison.Ordinal) && int.TryParse(id[7..], out var n) ? n : null;
}
