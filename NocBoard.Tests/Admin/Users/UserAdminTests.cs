using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Users;
using NocBoard.Tests.Accounts.Rights;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Admin.AdminArrange;

namespace NocBoard.Tests.Admin.Users;

public class UserAdminTests
{
    private const string Password = "Jane-Doe-Password-7";

    private static NewUserForm Jane(params int[] groups) => new()
    {
        UserName = "jane",
        Password = Password,
        RealName = "Jane Doe",
        Email = "Jane@NOC.example.net",
        Privileged = true,
        GroupIds = groups,
    };

    [Fact]
    public async Task AdminUsers_Creates_A_User_With_Password_Name_Email_Privilege_And_Groups()
    {
        var log = new LogCapture();
        await using var s = await Scenario.StartAsync(services: x => x.AddSingleton<ILoggerProvider>(log));
        var admin = await s.UserAsync("admin");
        await s.GrantAllAsync(admin, null, Right.AdminUsers, Right.AdminGroups);
        var l2 = await s.GroupAsync("NOC Level 2");

        var id = (await s.UsersAsync(u => u.CreateAsync(admin, Jane(l2)))).EnsureSucceeded();

        var jane = await s.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("jane", "Jane Doe", "jane@noc.example.net", true, false), (jane.UserName, jane.RealName, jane.Email, jane.Privileged, jane.Disabled));
        Assert.True(await s.InScopeAsync(sp => sp.GetRequiredService<UserManager<NocUser>>().CheckPasswordAsync(jane, Password)));
        var details = (await s.UsersAsync(u => u.GetAsync(admin, id))).EnsureSucceeded();
        Assert.Equal(["NOC Level 2"], details.Groups.Select(g => g.Name));
        Assert.True(details.HasPassword);
        Assert.DoesNotContain(log.Lines, line => line.Contains(Password));
    }

    [Fact]
    public async Task A_Weak_Password_Is_Refused_With_Identitys_Words_And_Never_Logged()
    {
        var log = new LogCapture();
        await using var s = await Scenario.StartAsync(services: x => x.AddSingleton<ILoggerProvider>(log));
        var root = await s.RootAsync();
        var before = await s.AdminFootprintAsync();
        var form = Jane();
        form.Password = "short1";

        var result = await s.UsersAsync(u => u.CreateAsync(root, form));

        AssertInvalid(result.Error, "Password", "Passwords must be at least 12 characters.");
        Assert.Equal(before, await s.AdminFootprintAsync());
        Assert.Contains(log.Lines, line => line.Contains("Passwords must be at least 12 characters."));
        Assert.DoesNotContain(log.Lines, line => line.Contains("short1"));
    }

    [Fact]
    public async Task Duplicate_Names_Bad_Or_Taken_Addresses_And_Missing_Passwords_Are_Refused()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        await s.UserAsync("bob", email: "bob@noc.example.net");
        var before = await s.AdminFootprintAsync();

        async Task<NocBoard.Admin.AdminError?> CreateWith(Action<NewUserForm> change)
        {
            var form = Jane();
            change(form);
            return (await s.UsersAsync(u => u.CreateAsync(root, form))).Error;
        }

        AssertInvalid(await CreateWith(f => f.UserName = "bob"), "UserName", "Username 'bob' is already taken.");
        AssertInvalid(await CreateWith(f => f.UserName = " "), "UserName", "A user needs a name.");
        AssertInvalid(await CreateWith(f => f.Email = "jane(at)example"), "Email", "'jane(at)example' is not an email address");
        AssertInvalid(await CreateWith(f => f.Email = "BOB@noc.example.net"), "Email", "belongs to user bob already");
        AssertInvalid(await CreateWith(f => f.Password = ""), "Password", "A new user needs a password.");
        AssertNotFound(await CreateWith(f => f.GroupIds = [999]), "There is no group #999.");
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Without_AdminUsers_Nothing_Is_Done_And_Putting_Users_In_Groups_Also_Needs_AdminGroups()
    {
        await using var s = await Scenario.StartAsync();
        var agent = await s.UserAsync("agent");
        var usersOnly = await s.UserAsync("usersonly");
        await s.GrantAsync(Right.AdminUsers, user: usersOnly);
        var bob = await s.AccountAsync("bob");
        var group = await s.GroupAsync("NOC");
        var before = await s.AdminFootprintAsync();

        AssertForbidden((await s.UsersAsync(u => u.CreateAsync(agent, Jane()))).Error, Right.AdminUsers);
        AssertForbidden((await s.UsersAsync(u => u.ListAsync(agent))).Error, Right.AdminUsers);
        AssertForbidden((await s.UsersAsync(u => u.UpdateAsync(agent, bob.Id, new UserForm { RealName = "Robert" }))).Error, Right.AdminUsers);
        AssertForbidden((await s.UsersAsync(u => u.SetDisabledAsync(agent, bob.Id, true))).Error, Right.AdminUsers);
        AssertForbidden((await s.UsersAsync(u => u.ResetPasswordAsync(agent, bob.Id, "Another-Password-9"))).Error, Right.AdminUsers);
        AssertForbidden((await s.UsersAsync(u => u.CreateAsync(usersOnly, Jane(group)))).Error, Right.AdminGroups);
        AssertForbidden((await s.UsersAsync(u => u.SetGroupsAsync(usersOnly, bob.Id, [group]))).Error, Right.AdminGroups);
        Assert.Equal(before, await s.AdminFootprintAsync());

        Assert.True((await s.UsersAsync(u => u.CreateAsync(usersOnly, Jane()))).Succeeded);
    }

    [Fact]
    public async Task Changing_Real_Name_Email_And_Privilege_Takes_Effect_On_Rights()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        var general = await s.GeneralQueueIdAsync();
        await s.GrantAsync(Right.OwnTicket, role: RoleName.Privileged);
        Assert.True(await s.HasAsync(bob.Id, Right.OwnTicket, general));

        var result = await s.UsersAsync(u => u.UpdateAsync(root, bob.Id, new UserForm { RealName = "Bob Smith", Email = "bob@noc.example.net", Privileged = false }));

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await s.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == bob.Id));
        Assert.Equal(("Bob Smith", "bob@noc.example.net", "BOB@NOC.EXAMPLE.NET", false), (stored.RealName, stored.Email, stored.NormalizedEmail, stored.Privileged));
        Assert.False(await s.HasAsync(bob.Id, Right.OwnTicket, general));
    }

    [Fact]
    public async Task Setting_Groups_Adds_And_Removes_Memberships_And_Rights_Follow_In_The_Same_Scope()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var bob = await s.AccountAsync("bob");
        await s.GroupAsync("L1", bob);
        var l2 = await s.GroupAsync("L2");
        await s.GrantAsync(Right.AdminQueue, groupId: l2);

        var hasIt = await s.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            Assert.False(await rights.HasAsync(bob.Id, Right.AdminQueue));
            var result = await sp.GetRequiredService<UserAdmin>().SetGroupsAsync(root, bob.Id, [l2]);
            Assert.True(result.Succeeded, result.Error?.Message);
            return await rights.HasAsync(bob.Id, Right.AdminQueue);
        });

        Assert.True(hasIt);
        Assert.Equal([l2], await s.DbAsync(db => db.GroupMembers.Where(m => m.UserId == bob.Id).Select(m => m.GroupId).ToListAsync()));
    }

    [Fact]
    public async Task An_AdminUsers_Holder_Without_SuperUser_Cannot_Change_A_SuperUser()
    {
        await using var s = await Scenario.StartAsync();
        var admin = await s.UserAsync("admin");
        await s.GrantAsync(Right.AdminUsers, user: admin);
        var root = await s.RootAsync();
        var before = await s.AdminFootprintAsync();

        var reset = await s.UsersAsync(u => u.ResetPasswordAsync(admin, root.Id, "Taken-Over-Password-1"));
        var email = await s.UsersAsync(u => u.UpdateAsync(admin, root.Id, new UserForm { Email = "me@evil.example", Privileged = true }));

        AssertForbidden(reset.Error, Right.SuperUser);
        Assert.Equal("You may not change root: they hold SuperUser, so changing them needs the SuperUser right.", reset.Error!.Message);
        AssertForbidden(email.Error, Right.SuperUser);
        Assert.Equal(before, await s.AdminFootprintAsync());
    }

    [Fact]
    public async Task Unknown_Users_Are_Not_Found()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();

        AssertNotFound((await s.UsersAsync(u => u.GetAsync(root, 999))).Error, "There is no user #999.");
        AssertNotFound((await s.UsersAsync(u => u.SetDisabledAsync(root, 999, true))).Error, "There is no user #999.");
        AssertNotFound((await s.UsersAsync(u => u.SetGroupsAsync(root, 999, []))).Error, "There is no user #999.");
    }

    [Fact]
    public async Task The_List_Finds_Users_By_Name_Real_Name_Or_Address()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        await s.UsersAsync(u => u.CreateAsync(root, Jane()));
        await s.AccountAsync("bob", email: "bob@customer.example");

        Assert.Equal(["jane"], (await s.UsersAsync(u => u.ListAsync(root, "DOE"))).EnsureSucceeded().Select(u => u.UserName));
        Assert.Equal(["bob"], (await s.UsersAsync(u => u.ListAsync(root, "customer"))).EnsureSucceeded().Select(u => u.UserName));
        Assert.Contains("root", (await s.UsersAsync(u => u.ListAsync(root))).EnsureSucceeded().Select(u => u.UserName));
    }

    /// <summary>Every log line the app writes, formatted, to prove secrets stay out of them.</summary>
    internal sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();
        public IReadOnlyCollection<string> Lines => lines;
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(LogCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
