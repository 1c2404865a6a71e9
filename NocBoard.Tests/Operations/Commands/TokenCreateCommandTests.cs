using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Api.Tokens;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Operations.Commands;

/// <summary><c>token create</c> as a process: the secret printed once, the token stored hashed and accepted as the named user.</summary>
public sealed class TokenCreateCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-commands", Guid.NewGuid().ToString("N"));
    private const string Password = "Alice-Password-1!";

    private async Task MigrateWithAliceAsync()
    {
        var migrate = await NocCommand.RunAsync(data, ["migrate"], environment: new Dictionary<string, string?> { ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword });
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var add = await NocCommand.RunAsync(data, ["user", "add", "alice", "--privileged"], stdin: Password + "\n");
        Assert.True(add.ExitCode == 0, add.ToString());
    }

    private async Task<T> InAppAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data });
        return await scenario.InScopeAsync(work);
    }

    [Fact]
    public async Task Prints_Only_The_Secret_On_Stdout_And_The_Token_Is_Accepted_As_The_User()
    {
        await MigrateWithAliceAsync();

        var run = await NocCommand.RunAsync(data, "token", "create", "--user", "alice", "--name", "nagios bridge", "--expires", "2099-01-31", "--read-only");

        Assert.True(run.ExitCode == 0, run.ToString());
        var secret = run.Out.TrimEnd('\n');
        Assert.Matches(@"^nbt_\S+$", secret);
        Assert.Contains("'nagios bridge' for alice (read-only, valid until 2099-02-01 00:00 UTC)", run.Err);
        Assert.DoesNotContain(secret, run.Err);

        var (identity, stored) = await InAppAsync(async sp =>
        {
            var (who, failure) = await sp.GetRequiredService<AccessTokens>().ValidateAsync(secret);
            Assert.Null(failure);
            var token = await sp.GetRequiredService<NocBoard.Data.NocDbContext>().AccessTokens.AsNoTracking().SingleAsync(t => t.Id == who!.TokenId);
            return (who!, token);
        });
        Assert.Equal(("alice", true), (identity.UserName, identity.ReadOnly));
        Assert.Equal("nagios bridge", stored.Name);
        Assert.Equal(new DateTimeOffset(2099, 2, 1, 0, 0, 0, TimeSpan.Zero), stored.Expires);
        Assert.Equal(AccessTokens.HashOf(secret), stored.Hash);
        Assert.NotEqual(secret, stored.Hash);
    }

    [Fact]
    public async Task Without_Options_The_Token_Reads_And_Writes_And_Never_Expires()
    {
        await MigrateWithAliceAsync();

        var run = await NocCommand.RunAsync(data, "token", "create", "--user", "ALICE");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("for alice (read and write, no expiry)", run.Err);
        var identity = await InAppAsync(async sp => (await sp.GetRequiredService<AccessTokens>().ValidateAsync(run.Out.Trim())).Identity);
        Assert.NotNull(identity);
        Assert.False(identity.ReadOnly);
    }

    [Fact]
    public async Task Unknown_User_Disabled_User_And_Bad_Dates_Are_Refused_With_The_Reason_And_No_Token_Is_Made()
    {
        await MigrateWithAliceAsync();

        var unknown = await NocCommand.RunAsync(data, "token", "create", "--user", "mallory");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no user 'mallory'.", unknown.Err);

        var noUser = await NocCommand.RunAsync(data, "token", "create", "--name", "x");
        Assert.Equal(2, noUser.ExitCode);
        Assert.Contains("Name the token's user with --user NAME.", noUser.Err);

        var badDate = await NocCommand.RunAsync(data, "token", "create", "--user", "alice", "--expires", "31.01.2027");
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--expires '31.01.2027' is not a date; write it as YYYY-MM-DD", badDate.Err);

        var past = await NocCommand.RunAsync(data, "token", "create", "--user", "alice", "--expires", "2001-01-31");
        Assert.Equal(1, past.ExitCode);
        Assert.Contains("The expiry must be in the future.", past.Err);

        Assert.Equal(0, (await NocCommand.RunAsync(data, "user", "disable", "alice")).ExitCode);
        var disabled = await NocCommand.RunAsync(data, "token", "create", "--user", "alice");
        Assert.Equal(1, disabled.ExitCode);
        Assert.Contains("User alice is disabled.", disabled.Err);
        Assert.DoesNotContain("Parameter", disabled.Err);

        foreach (var run in new[] { unknown, noUser, badDate, past, disabled }) Assert.Equal("", run.Out);
        Assert.Equal(0, await InAppAsync(sp => sp.GetRequiredService<NocBoard.Data.NocDbContext>().AccessTokens.CountAsync()));
    }

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
