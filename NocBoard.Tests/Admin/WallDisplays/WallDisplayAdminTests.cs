using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Admin;
using NocBoard.Admin.WallDisplays;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Admin.WallDisplays;

public class WallDisplayAdminTests
{
    private static Task<AdminResult<NewWallDisplay>> CreateAsync(Scenario s, NocBoard.Accounts.Actor actor, NewWallDisplayForm form) =>
        s.InScopeAsync(sp => sp.GetRequiredService<WallDisplayAdmin>().CreateAsync(actor, form));

    [Fact]
    public async Task A_Token_Is_Stored_Only_As_A_Hash_And_Listed_With_Its_Queues()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var root = await s.RootAsync();

        var made = (await CreateAsync(s, root, new NewWallDisplayForm { Name = "Ops room", QueueIds = [outages] })).EnsureSucceeded();

        Assert.StartsWith("nbw_", made.Secret);
        var stored = await s.DbAsync(db => db.Set<WallToken>().SingleAsync());
        Assert.Equal(WallDisplay.Hash(made.Secret), stored.TokenHash);
        Assert.DoesNotContain(made.Secret, stored.TokenHash);
        var account = await s.DbAsync(db => db.Users.SingleAsync(u => u.Id == stored.UserId));
        Assert.False(account.Privileged);
        Assert.Null(account.PasswordHash);
        var list = (await s.InScopeAsync(sp => sp.GetRequiredService<WallDisplayAdmin>().ListAsync(root))).EnsureSucceeded();
        var row = Assert.Single(list);
        Assert.Equal(("Ops room", "Outages", true), (row.Name, Assert.Single(row.Queues), row.Works));
    }

    [Fact]
    public async Task Making_A_Token_Needs_AdminUsers_And_The_Right_To_See_Each_Queue_It_Gets()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var security = await s.QueueAsync("Security");
        var admin = await s.UserAsync("ada");
        var form = new NewWallDisplayForm { Name = "Ops room", QueueIds = [outages] };

        var noRight = await CreateAsync(s, admin, form);
        Assert.Equal(AdminErrorKind.Forbidden, noRight.Error?.Kind);
        Assert.Contains("AdminUsers", noRight.Error!.Message);

        await s.GrantAsync(Right.AdminUsers, user: admin);
        await s.GrantAllAsync(admin, outages, Right.SeeQueue, Right.ShowTicket);
        var other = await CreateAsync(s, admin, new NewWallDisplayForm { Name = "Ops room", QueueIds = [outages, security] });
        Assert.Equal(AdminErrorKind.Forbidden, other.Error?.Kind);
        Assert.Contains("'Security'", other.Error!.Message);
        Assert.Equal(0, await s.DbAsync(db => db.Set<WallToken>().CountAsync()));

        Assert.True((await CreateAsync(s, admin, form)).Succeeded);
    }

    [Fact]
    public async Task A_Token_Needs_A_Name_A_Queue_And_An_Expiry_In_The_Future()
    {
        await using var s = await Scenario.StartAsync();
        var outages = await s.QueueAsync("Outages");
        var root = await s.RootAsync();
        var users = await s.DbAsync(db => db.Users.CountAsync());

        Assert.Equal("Name", (await CreateAsync(s, root, new NewWallDisplayForm { Name = " ", QueueIds = [outages] })).Error?.Field);
        Assert.Equal("QueueIds", (await CreateAsync(s, root, new NewWallDisplayForm { Name = "Ops" })).Error?.Field);
        Assert.Equal(AdminErrorKind.NotFound, (await CreateAsync(s, root, new NewWallDisplayForm { Name = "Ops", QueueIds = [999] })).Error?.Kind);
        Assert.Equal("Expires", (await CreateAsync(s, root,
            new NewWallDisplayForm { Name = "Ops", QueueIds = [outages], Expires = DateTimeOffset.UtcNow.AddDays(-1) })).Error?.Field);
        Assert.Equal(users, await s.DbAsync(db => db.Users.CountAsync()));
    }
}
