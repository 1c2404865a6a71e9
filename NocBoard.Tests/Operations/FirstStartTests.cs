using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NocBoard.Accounts;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Operations;

/// <summary>
/// The built app started as a process on an empty data folder, as an operator's first start:
/// nothing prepared, no password configured, Production environment.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "nocboard-first-start", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_First_Start_Prepares_The_Folder_And_Prints_A_Root_Password_Once_And_A_Restart_Keeps_It()
    {
        var data = Directory.CreateDirectory(Path.Combine(scratch, "data")).FullName;
        var environment = new Dictionary<string, string?> { ["Data__Directory"] = data };

        string password, firstOutput, hashAfterFirstStart;
        await using (var app = await AppProcess.StartAsync(environment))
        {
            password = (await app.WaitForOutputAsync(PrintedPassword())).Groups["password"].Value;
            Assert.True(password.Length >= 20, password);
            using var web = await LogInAsRootAsync(app, password);
            await app.StopAsync();
            firstOutput = app.Output;
        }
        Assert.Single(Regex.Matches(firstOutput, Regex.Escape(password)));
        Assert.DoesNotMatch(ErrorLogLine(), firstOutput);

        var database = Path.Combine(data, "nocboard.db");
        Assert.True(File.Exists(database), $"no nocboard.db in {data}: {string.Join(", ", Directory.GetFileSystemEntries(data))}");
        Assert.Equal("wal", Scalar(database, "PRAGMA journal_mode;"));
        Assert.Equal(Queues.Queue.DefaultName, Scalar(database, "SELECT Name FROM Queues;"));
        Assert.Equal(["new", "open", "stalled", "resolved", "rejected", "deleted"], DefaultLifecycleStatuses(database));
        Assert.Equal("1", Scalar(database,
            "SELECT COUNT(*) FROM Queues q JOIN Lifecycles l ON l.Id = q.LifecycleId WHERE q.Name = 'General' AND l.Name = 'default';"));
        hashAfterFirstStart = RootPasswordHash(database);

        // The second start finds everything in place: no new password, nothing seeded twice.
        await using (var app = await AppProcess.StartAsync(environment))
        {
            using var web = await LogInAsRootAsync(app, password);
            await app.StopAsync();
            Assert.DoesNotContain(password, app.Output);
            Assert.DoesNotMatch(PrintedPassword(), app.Output);
            Assert.DoesNotMatch(ErrorLogLine(), app.Output);
        }
        Assert.Equal(hashAfterFirstStart, RootPasswordHash(database));
        Assert.Equal("1", Scalar(database, "SELECT COUNT(*) FROM Queues;"));
        Assert.Equal("1", Scalar(database, "SELECT COUNT(*) FROM Lifecycles;"));
        Assert.Equal("2", Scalar(database, "SELECT COUNT(*) FROM AspNetUsers;")); // root and system
    }

    [Fact]
    public async Task With_Bootstrap_RootPassword_That_Password_Works_And_None_Is_Printed()
    {
        const string chosen = "Chosen-Root-Password-7";
        var data = Path.Combine(scratch, "not", "created", "yet");
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Data__Directory"] = data,
            ["Bootstrap__RootPassword"] = chosen,
        });

        using var web = await LogInAsRootAsync(app, chosen);

        // The page's assets are served by the plain build in Production too (no launch profile).
        var html = await web.GetPageAsync("Account/Login");
        var assets = WebSession.References(html)
            .Where(r => Regex.IsMatch(r, @"^(_content/MudBlazor/MudBlazor\.min\.\w+\.(css|js)|_framework/blazor\.web(\.\w+)?\.js|css/nocboard\.\w+\.css)$"))
            .ToList();
        Assert.Equal(4, assets.Count);
        foreach (var asset in assets)
        {
            var response = await web.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        await app.StopAsync();
        Assert.True(File.Exists(Path.Combine(data, "nocboard.db")));
        Assert.DoesNotContain(chosen, app.Output);
        Assert.DoesNotMatch(PrintedPassword(), app.Output);
        Assert.DoesNotMatch(ErrorLogLine(), app.Output);
    }

    private static async Task<WebSession> LogInAsRootAsync(AppProcess app, string password)
    {
        var web = WebSession.For(app.BaseAddress);
        await web.LoginOrFailAsync(SystemUser.RootUserName, password);
        Assert.Contains("At a glance", await web.GetPageAsync(""));
        return web;
    }

    private static string? Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> DefaultLifecycleStatuses(string database)
    {
        var json = Scalar(database, "SELECT Statuses FROM Lifecycles WHERE Name = 'default';");
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(s => s.GetProperty("Name").GetString()!).ToList();
    }

    private static string RootPasswordHash(string database) =>
        Scalar(database, "SELECT PasswordHash FROM AspNetUsers WHERE NormalizedUserName = 'ROOT';")
        ?? throw new Xunit.Sdk.XunitException("root has no password hash");

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    [GeneratedRegex(@"Its password is: (?<password>\S+)")]
    private static partial Regex PrintedPassword();

    [GeneratedRegex(@"^\S+ \S+ (fail|crit):", RegexOptions.Multiline)]
    private static partial Regex ErrorLogLine();

    public void Dispose()
    {
        try { Directory.Delete(scratch, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }
}
