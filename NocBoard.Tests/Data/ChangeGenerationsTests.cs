using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Data;

public class ChangeGenerationsTests
{
    [Fact]
    public async Task A_Change_Saved_Without_A_Transaction_Moves_Its_Types_Figure_And_No_Other()
    {
        await using var scenario = await Scenario.StartAsync();
        var generations = scenario.Services.GetRequiredService<ChangeGenerations>();
        var grants = generations.Of(true, typeof(RightGrant));
        var queues = generations.Of(true, typeof(Queue));

        await scenario.GrantAsync(Right.SeeQueue, role: RoleName.Everyone);

        Assert.NotEqual(grants, generations.Of(true, typeof(RightGrant)));
        Assert.Equal(queues, generations.Of(true, typeof(Queue)));
    }

    [Fact]
    public async Task Inside_A_Transaction_The_Figure_Moves_At_Commit_Not_At_Save()
    {
        await using var scenario = await Scenario.StartAsync();
        var generations = scenario.Services.GetRequiredService<ChangeGenerations>();
        await scenario.DbAsync(async db =>
        {
            var before = generations.Of(true, typeof(RightGrant));
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.RightGrants.Add(new RightGrant { Right = Right.SeeQueue, Role = RoleName.Everyone });
            await db.SaveChangesAsync();
            // Others cannot read the row yet: a copy read now must not look current later.
            Assert.Equal(before, generations.Of(true, typeof(RightGrant)));
            await transaction.CommitAsync();
            Assert.NotEqual(before, generations.Of(true, typeof(RightGrant)));
            return 0;
        });
    }

    [Fact]
    public async Task A_Bulk_Update_Moves_The_Figure_Too()
    {
        await using var scenario = await Scenario.StartAsync();
        var generations = scenario.Services.GetRequiredService<ChangeGenerations>();
        var group = await scenario.GroupAsync("NOC Level 2");
        var before = generations.Of(false, typeof(NocBoard.Accounts.Group));

        await scenario.DbAsync(db => db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true)));

        Assert.NotEqual(before, generations.Of(false, typeof(NocBoard.Accounts.Group)));
    }

    [Fact]
    public async Task An_Added_Row_Can_Be_Left_Out_Of_The_Figure()
    {
        await using var scenario = await Scenario.StartAsync();
        var generations = scenario.Services.GetRequiredService<ChangeGenerations>();
        var existing = generations.Of(false, typeof(NocBoard.Accounts.NocUser));
        var all = generations.Of(true, typeof(NocBoard.Accounts.NocUser));

        var user = await scenario.UserAsync("carol");
        Assert.Equal(existing, generations.Of(false, typeof(NocBoard.Accounts.NocUser)));
        Assert.NotEqual(all, generations.Of(true, typeof(NocBoard.Accounts.NocUser)));

        await scenario.DbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.Disabled = true;
            return await db.SaveChangesAsync();
        });
        Assert.NotEqual(existing, generations.Of(false, typeof(NocBoard.Accounts.NocUser)));
    }
}
