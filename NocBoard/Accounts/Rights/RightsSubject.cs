namespace NocBoard.Accounts.Rights;

/// <summary>
/// Everything needed to decide a user's rights without another query: who they are, their groups,
/// and every grant that could apply to them (their own, their groups', and all role grants).
/// </summary>
public sealed class RightsSubject
{
    public required int UserId { get; init; }
    public required string? Email { get; init; }
    public required bool Privileged { get; init; }
    public required bool Disabled { get; init; }
    public required IReadOnlySet<int> GroupIds { get; init; }
    public required IReadOnlyList<RightGrant> Grants { get; init; }

    /// <summary>A wall display's account: it may look at its queues and never change anything.</summary>
    public bool WallDisplay { get; init; }

    /// <summary>
    /// True when the right is granted on the queue (or globally), directly, through a group, or
    /// through a role the user plays on the ticket in question. SuperUser counts only globally.
    /// </summary>
    public bool Has(string right, int? queueId, TicketRoles roles = TicketRoles.None)
    {
        if (Disabled) return false;
        foreach (var grant in Grants)
        {
            var isSuper = grant.Right == Right.SuperUser;
            // SuperUser granted on a queue means nothing, not even SuperUser on that queue.
            if (isSuper && grant.QueueId is not null) continue;
            if (!isSuper && grant.Right != right) continue;
            if (grant.QueueId is not null && grant.QueueId != queueId) continue;
            if (Holds(grant, roles)) return true;
        }
        return false;
    }

    public bool IsSuperUser => Has(Right.SuperUser, null);

    /// <summary>Whether the grant's principal is this user, without regard to the ticket roles.</summary>
    public bool HoldsWithoutTicketRoles(RightGrant grant) => Holds(grant, TicketRoles.None);

    private bool Holds(RightGrant grant, TicketRoles roles)
    {
        if (grant.UserId is { } userId) return userId == UserId;
        if (grant.GroupId is { } groupId) return GroupIds.Contains(groupId);
        return grant.Role switch
        {
            RoleName.Everyone => true,
            RoleName.Privileged => Privileged,
            RoleName.Unprivileged => !Privileged,
            { } role => roles.Includes(role),
            null => false,
        };
    }
}
