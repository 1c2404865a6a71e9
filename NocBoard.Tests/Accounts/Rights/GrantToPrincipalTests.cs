using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>Rights granted to principals that depend on the user alone: a user, a group, Everyone, Privileged, Unprivileged.</summary>
public class GrantToPrincipalTests
{
    public static TheoryData<GrantKind> Kinds =>
        new(GrantKind.ToUser, GrantKind.ToGroup, GrantKind.ToEveryone, GrantKind.ToPrivileged, GrantKind.ToUnprivileged);

    /// <summary>
    /// Asked of a staff member named by the grant (alice, in the group), another one (bob) and a
    /// customer (carol, unprivileged), on each queue and on a ticket of each queue.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public Task Every_Queue_Right_Holds_For_Exactly_The_Users_The_Grant_Names_Globally_Or_On_That_Queue_Only(GrantKind kind) =>
        RightsMatrix.AssertAsync(kind);

    [Fact]
    public async Task Global_Rights_Hold_When_Granted_Globally_To_User_Group_Or_Role_And_Not_Otherwise()
    {
        await using var s = await Scenario.StartAsync();
        var alice = await s.AccountAsync("alice", privileged: true);
        var bob = await s.AccountAsync("bob", privileged: true);
        var carol = await s.AccountAsync("carol", privileged: false);
        var group = await s.GroupAsync("Admins", alice);
        var globalRights = Right.All.Where(r => r.Scope == RightScope.Global && r.Name != Right.SuperUser).Select(r => r.Name).ToArray();

        var failures = new List<string>();
        foreach (var (name, userId, groupId, role, holders) in new (string, int?, int?, RoleName?, Actor[])[]
                 {
                     ("nobody", null, null, null, []),
                     ("alice", alice.Id, null, null, [alice]),
                     ("group Admins", null, group, null, [alice]),
                     ("Everyone", null, null, RoleName.Everyone, [alice, bob, carol]),
                     ("Privileged", null, null, RoleName.Privileged, [alice, bob]),
                     ("Unprivileged", null, null, RoleName.Unprivileged, [carol]),
                 })
        {
            await s.RevokeAllButSuperUserAsync();
            if (userId is not null || groupId is not null || role is not null)
                await s.GrantEachAsync(globalRights, null, userId, groupId, role);
            foreach (var user in new[] { alice, bob, carol })
            foreach (var right in globalRights)
            {
                var expected = holders.Contains(user);
                if (await s.HasAsync(user.Id, right, null) != expected)
                    failures.Add($"{right} granted to {name}: {user.Name} expected {(expected ? "to hold it" : "not to hold it")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
