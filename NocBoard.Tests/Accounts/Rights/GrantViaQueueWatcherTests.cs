namespace NocBoard.Tests.Accounts.Rights;

/// <summary>Rights granted to Cc and AdminCc, played through the queue's watchers: a user, a group, an email address.</summary>
public class GrantViaQueueWatcherTests
{
    public static TheoryData<GrantKind> Kinds => new(
        GrantKind.ToCcViaQueueWatcherUser, GrantKind.ToCcViaQueueWatcherGroup, GrantKind.ToCcViaQueueWatcherEmail,
        GrantKind.ToAdminCcViaQueueWatcherUser, GrantKind.ToAdminCcViaQueueWatcherGroup, GrantKind.ToAdminCcViaQueueWatcherEmail);

    /// <summary>
    /// Asked on tickets of queues the user watches in that role (directly, through a group they
    /// are in, or through their address), of a queue they watch in the other role, and of someone
    /// who watches nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public Task Every_Queue_Right_Holds_On_Tickets_Of_Queues_The_User_Watches_In_That_Role_Globally_Or_On_That_Queue_Only(GrantKind kind) =>
        RightsMatrix.AssertAsync(kind);
}
