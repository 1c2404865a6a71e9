namespace NocBoard.Accounts;

/// <summary>A named set of users that rights and queue watchers can be granted to, e.g. "NOC Level 2".</summary>
public class Group
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool Disabled { get; set; }
    public List<GroupMember> Members { get; set; } = [];
}

public class GroupMember
{
    public int GroupId { get; set; }
    public int UserId { get; set; }
}
