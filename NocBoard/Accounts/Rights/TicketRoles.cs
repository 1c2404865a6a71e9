using NocBoard.Tickets;

namespace NocBoard.Accounts.Rights;

/// <summary>The roles one user plays on one ticket, which role-granted rights depend on.</summary>
[Flags]
public enum TicketRoles
{
    None = 0,
    Requestor = 1,
    Cc = 2,
    AdminCc = 4,
    Owner = 8,
}

public static class TicketRolesExtensions
{
    public static bool Includes(this TicketRoles roles, RoleName role) => role switch
    {
        RoleName.Requestor => roles.HasFlag(TicketRoles.Requestor),
        RoleName.Cc => roles.HasFlag(TicketRoles.Cc),
        RoleName.AdminCc => roles.HasFlag(TicketRoles.AdminCc),
        RoleName.Owner => roles.HasFlag(TicketRoles.Owner),
        _ => false,
    };

    public static TicketRoles ToTicketRole(this WatcherRole role) => role switch
    {
        WatcherRole.Requestor => TicketRoles.Requestor,
        WatcherRole.Cc => TicketRoles.Cc,
        _ => TicketRoles.AdminCc,
    };
}
