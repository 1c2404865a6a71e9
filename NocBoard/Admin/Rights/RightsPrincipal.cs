using NocBoard.Accounts.Rights;

namespace NocBoard.Admin.Rights;

/// <summary>Who a right is granted to: exactly one of a user, a group, or a role.</summary>
public sealed record RightsPrincipal(int? UserId = null, int? GroupId = null, RoleName? Role = null)
{
    public static RightsPrincipal User(int id) => new(UserId: id);
    public static RightsPrincipal Group(int id) => new(GroupId: id);
    public static RightsPrincipal OfRole(RoleName role) => new(Role: role);

    public bool IsOne => (UserId is null ? 0 : 1) + (GroupId is null ? 0 : 1) + (Role is null ? 0 : 1) == 1;

    /// <summary>Whether the role depends on the ticket (Requestor, Owner, Cc, AdminCc), not the user alone.</summary>
    public bool IsTicketRole => Role is RoleName.Requestor or RoleName.Owner or RoleName.Cc or RoleName.AdminCc;

    public bool Matches(RightGrant grant) => grant.UserId == UserId && grant.GroupId == GroupId && grant.Role == Role;
}

/// <summary>One line of the rights grid: the right, what it means, and whether the principal holds it here.</summary>
/// <param name="Grantable">False for a global-only right on a queue, or a global-only right for a ticket role.</param>
/// <param name="GrantedGlobally">On a queue: the principal holds it globally anyway.</param>
public sealed record RightRow(RightDefinition Definition, bool Granted, bool Grantable, bool GrantedGlobally);

public sealed record RightsGridView(string Principal, string Scope, IReadOnlyList<RightRow> Rows);

/// <summary>Everyone and everything rights can be granted to or on, for the pickers.</summary>
public sealed record RightsChoices(
    IReadOnlyList<Queues.Choice> Users,
    IReadOnlyList<Queues.Choice> Groups,
    IReadOnlyList<Queues.Choice> Queues,
    bool MayGrantGlobally);
