namespace NocBoard.Accounts.Rights;

/// <summary>
/// One access control entry: <see cref="Right"/> granted to a principal, globally (QueueId null)
/// or on one queue. Exactly one of UserId, GroupId, Role identifies the principal.
/// </summary>
public class RightGrant
{
    public int Id { get; set; }
    public required string Right { get; set; }
    public int? QueueId { get; set; }
    public int? UserId { get; set; }
    public int? GroupId { get; set; }
    public RoleName? Role { get; set; }
}

/// <summary>
/// Roles a right can be granted to. The first three depend on the user alone; the others on the
/// user's relation to the ticket in question.
/// </summary>
public enum RoleName
{
    Everyone,
    Privileged,
    Unprivileged,
    Requestor,
    Owner,
    Cc,
    AdminCc,
}
