namespace NocBoard.Search;

/// <summary>
/// A named TicketSQL query with its sort and columns, kept for one user, a group, or everyone,
/// and usable as a portlet on the at-a-glance page.
/// </summary>
public class SavedSearch
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public string OrderBy { get; set; } = "Priority DESC";
    public List<string> Columns { get; set; } = [];

    /// <summary>Owned by this user (personal), or null.</summary>
    public int? UserId { get; set; }

    /// <summary>Shared with this group, or null.</summary>
    public int? GroupId { get; set; }

    /// <summary>Neither user nor group: a global search everyone sees.</summary>
    public bool IsGlobal => UserId is null && GroupId is null;

    public int CreatorId { get; set; }
    public DateTimeOffset Created { get; set; }
}
