using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Operations.Commands;

/// <summary>migrate and the user commands, run as processes on a data folder of their own.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-commands", Guid.NewGuid().ToString("N"));
    private const string Password = "Alice-Password-1!";

    private async Task MigrateAsync()
    {
        var migrate = await NocCommand.RunAsync(data, ["migrate"], environment: new Dictionary<string, string?> { ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword });
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<NocUser>, Task<T>> work)
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data });
        return await scenario.InScopeAsync(sp => work(sp.GetRequiredService<UserManager<NocUser>>()));
    }

    [Fact]
    public async Task Migrate_Creates_The_Database_With_Its_Defaults_And_A_Second_Run_Changes_Nothing()
    {
        var first = await NocCommand.RunAsync(data, ["migrate"], environment: new Dictionary<string, string?> { ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword });
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"Applied \d+ migration\(s\); the database is at \d+_\w+\.", first.Out);
        Assert.True(File.Exists(Path.Combine(data, "nocboard.db")));

        var second = await NocCommand.RunAsync(data, "migrate");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("The database was up to date", second.Out);
        Assert.True(await WithUsersAsync(async users => await users.CheckPasswordAsync((await users.FindByNameAsync("root"))!, NocAppFactory.RootPassword)));
    }

    [Fact]
    public async Task User_Add_Creates_Staff_With_The_Password_From_Standard_Input_Without_Printing_It()
    {
        await MigrateAsync();

        var add = await NocCommand.RunAsync(data, ["user", "add", "alice", "--real-name", "Alice Example", "--email", "alice@noc.example.net", "--privileged"],
            stdin: Password + "\n");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Matches(@"Created staff user alice \(#\d+\)\.", add.Out);
        Assert.DoesNotContain(Password, add.Out + add.Err);
        var (ok, user) = await WithUsersAsync(async users =>
        {
            var alice = (await users.FindByNameAsync("alice"))!;
            return (await users.CheckPasswordAsync(alice, Password), alice);
        });
        Assert.True(ok);
        Assert.Equal(("Alice Example", "alice@noc.example.net", true, false), (user.RealName, user.Email, user.Privileged, user.Disabled));
    }

    [Fact]
    public async Task User_Passwd_Takes_The_Password_From_The_Environment_And_User_Disable_Disables()
    {
        await MigrateAsync();
        Assert.Equal(0, (await NocCommand.RunAsync(data, ["user", "add", "bob"], stdin: Password + "\n")).ExitCode);

        var passwd = await NocCommand.RunAsync(data, ["user", "passwd", "bob"],
            environment: new Dictionary<string, string?> { ["NOCBOARD_PASSWORD"] = "Bob-New-Password-2" });
        Assert.True(passwd.ExitCode == 0, passwd.ToString());
        Assert.Equal("Changed the password of bob.\n", passwd.Out);

        var disable = await NocCommand.RunAsync(data, "user", "disable", "bob");
        Assert.True(disable.ExitCode == 0, disable.ToString());

        var (ok, user) = await WithUsersAsync(async users =>
        {
            var bob = (await users.FindByNameAsync("bob"))!;
            return (await users.CheckPasswordAsync(bob, "Bob-New-Password-2"), bob);
        });
        Assert.True(ok);
        Assert.True(user.Disabled);
        Assert.False(user.Privileged);
    }

    [Fact]
    public async Task A_Weak_Password_Is_Refused_With_What_It_Lacks_And_No_User_Is_Made()
    {
        await MigrateAsync();

        var add = await NocCommand.RunAsync(data, ["user", "add", "carol"], stdin: "short\n");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("Password: Passwords must be at least 12 characters.", add.Err);
        Assert.DoesNotContain("short", add.Out);
        Assert.Null(await WithUsersAsync(users => users.FindByNameAsync("carol")));
    }

    [Fact]
    public async Task Usage_Errors_Say_What_Is_Wrong_And_Exit_2()
    {
        await MigrateAsync();

        var unknownCommand = await NocCommand.RunAsync(data, "frobnicate");
        Assert.Equal(2, unknownCommand.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'.", unknownCommand.Err);
        Assert.Contains("user add NAME", unknownCommand.Err);

        var unknownOption = await NocCommand.RunAsync(data, "user", "disable", "root", "--force");
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Contains("Unknown option --force; 'user disable' takes --enable.", unknownOption.Err);

        var noUser = await NocCommand.RunAsync(data, "user", "disable", "nobody-here");
        Assert.Equal(2, noUser.ExitCode);
        Assert.Contains("There is no user 'nobody-here'.", noUser.Err);
    }

    [Fact]
    public async Task A_Command_On_A_Database_That_Was_Never_Migrated_Asks_For_Migrate()
    {
        var add = await NocCommand.RunAsync(data, ["user", "add", "dave"], stdin: Password + "\n");
        Assert.Equal(1, add.ExitCode);
        Assert.Contains("run 'migrate' first", add.Err);
    }

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
