using NocBoard.Accounts.Rights;

namespace NocBoard.Tests.Accounts.Rights;

public class RightsMatrixCoverageTests
{
    [Fact]
    public void Every_Grant_Kind_Is_Run_By_Exactly_One_Matrix_Test_And_Every_Queue_Right_Is_In_The_Matrix()
    {
        IEnumerable<object[]>[] theories = [GrantToPrincipalTests.Kinds, GrantToTicketRoleTests.Kinds, GrantViaQueueWatcherTests.Kinds];
        var run = theories.SelectMany(rows => rows).Select(row => (GrantKind)row[0]).ToList();
        Assert.Equal(Enum.GetValues<GrantKind>().Order(), run.Order());

        Assert.Equal(Right.All.Where(r => r.Scope == RightScope.Queue).Select(r => r.Name), RightsArrange.QueueRights);
        Assert.Equal(19, RightsArrange.QueueRights.Length);
    }
}
