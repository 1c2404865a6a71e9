using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts.Rights;

public class RightsCacheTests
{
    [Fact]
    public async Task Rights_Read_Once_Are_Shared_By_Later_Requests_Until_A_Grant_Changes()
    {
        await using var scenario = await Scenario.StartAsync();
        var alice = await scenario.UserAsync("alice");
        await scenario.GrantAsync(Right.SeeQueue, user: alice);

        var first = await scenario.InScopeAsync(sp => sp.GetRequiredService<RightsService>().SubjectAsync(alice.Id));
        var second = await scenario.InScopeAsync(sp => sp.GetRequiredService<RightsService>().SubjectAsync(alice.Id));
        Assert.Same(first, second);

        await scenario.GrantAsync(Right.ShowTicket, user: alice);
        var third = await scenario.InScopeAsync(sp => sp.GetRequiredService<RightsService>().SubjectAsync(alice.Id));
        Assert.NotSame(first, third);
        Assert.True(third.Has(Right.ShowTicket, null));
    }

    [Fact]
    public async Task A_Long_Lived_Scope_Sees_A_Revoked_Right_At_Its_Next_Check()
    {
        await using var scenario = await Scenario.StartAsync();
        var alice = await scenario.UserAsync("alice");
        await scenario.GrantAsync(Right.SeeQueue, user: alice);
        // One scope for the whole test, as a Blazor circuit holds one for as long as the page is open.
        using var circuit = scenario.Services.CreateScope();
        var rights = circuit.ServiceProvider.GetRequiredService<RightsService>();
        Assert.True(await rights.HasAsync(alice.Id, Right.SeeQueue));

        await scenario.DbAsync(async db =>
        {
            db.RightGrants.RemoveRange(db.RightGrants.Where(g => g.UserId == alice.Id));
            return await db.SaveChangesAsync();
        });

        Assert.False(await rights.HasAsync(alice.Id, Right.SeeQueue));
    }

    [Fact]
    public async Task A_Disabled_User_Loses_Every_Right_At_Once()
    {
        await using var scenario = await Scenario.StartAsync();
        var alice = await scenario.UserAsync("alice");
        await scenario.GrantAsync(Right.SeeQueue, user: alice);
        using var circuit = scenario.Services.CreateScope();
        var rights = circuit.ServiceProvider.GetRequiredService<RightsService>();
        Assert.True(await rights.HasAsync(alice.Id, Right.SeeQueue));

        await scenario.DbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == alice.Id)).Disabled = true;
            return await db.SaveChangesAsync();
        });

        Assert.False(await rights.HasAsync(alice.Id, Right.SeeQueue));
    }
}
