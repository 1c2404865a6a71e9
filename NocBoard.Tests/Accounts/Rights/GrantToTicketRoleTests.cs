namespace NocBoard.Tests.Accounts.Rights;

/// <summary>Rights granted to the ticket roles Requestor, Cc, AdminCc and Owner, played through the ticket itself.</summary>
public class GrantToTicketRoleTests
{
    public static TheoryData<GrantKind> Kinds => new(GrantKind.ToRequestor, GrantKind.ToCc, GrantKind.ToAdminCc, GrantKind.ToOwner);

    /// <summary>
    /// Asked on tickets where the user plays the role (by user id, or by an email address that
    /// belongs to them), plays every other role, or plays none; and on the queue without a ticket.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public Task Every_Queue_Right_Holds_Only_On_Tickets_Where_The_User_Plays_The_Role_Globally_Or_On_That_Queue_Only(GrantKind kind) =>
        RightsMatrix.AssertAsync(kind);
}
