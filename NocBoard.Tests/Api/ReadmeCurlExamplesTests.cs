using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Api;

/// <summary>
/// The README's curl walk-through of the JSON API, taken from README.md as it stands and run by
/// bash with the real curl and jq against NocBoard as its own process on a loopback port, so the
/// README cannot drift from the API.
/// </summary>
public sealed class ReadmeCurlExamplesTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-readme", Guid.NewGuid().ToString("N"));
    private readonly string work = System.IO.Directory.CreateTempSubdirectory("nocboard-readme-curl-").FullName;
    private Scenario scenario = null!;
    private AppProcess app = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(data);
        scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data });
        app = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Data__Directory"] = data,
            ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword,
        });
    }

    /// <summary>The first <c>sh</c> block of the README's "## API" section.</summary>
    private static string ApiWalkthrough()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NocBoard.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "README.md not found above the test output");
        var readme = File.ReadAllText(Path.Combine(dir.FullName, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("\n## API\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no '## API' section");
        var next = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        var api = readme[section..(next < 0 ? readme.Length : next)];
        var start = api.IndexOf("```sh\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the API section has no sh block");
        start += "```sh\n".Length;
        return api[start..api.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_README_Walkthrough_Runs_With_Curl_From_Token_To_Resolved_Ticket()
    {
        var script = ApiWalkthrough();
        foreach (var step in new[] { "api/v1/tokens", "api/v1/tickets", "query=", "/correspond", "If-Match", "\"status\":\"resolved\"" })
            Assert.Contains(step, script);

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -e and pipefail: any failing curl (with --fail-with-body) or jq stops the walk-through here.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -euo pipefail\n" + script);
        start.Environment["NOC"] = app.BaseAddress.ToString().TrimEnd('/');
        start.Environment["NOC_PASSWORD"] = NocAppFactory.RootPassword;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var report = $"exit {process.ExitCode}\n--- stdout\n{output}\n--- stderr\n{await stderr}\n--- app\n{app.Output}";
        Assert.True(process.ExitCode == 0, report);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var id = int.Parse(Assert.Single(lines, l => l.StartsWith("created ticket ", StringComparison.Ordinal))["created ticket ".Length..]);
        Assert.True(lines.Contains($"{id} new BGP session down at FRA-2"), report);
        Assert.Equal(["status now open", "status now resolved", "412"], lines[^3..]);

        var ticket = await scenario.LoadTicketAsync(id);
        var root = await scenario.RootAsync();
        Assert.Equal(("BGP session down at FRA-2", "resolved", 60, root.Id), (ticket.Subject, ticket.Status, ticket.Priority, ticket.CreatorId));
        var reply = Assert.Single(await scenario.TransactionsAsync(id), t => t.Type == TransactionType.Correspond);
        var file = Assert.Single(reply.Attachments, a => !a.IsBody);
        Assert.Equal(("ping.txt", "ping 192.0.2.1: 100% loss\n"), (file.FileName, System.Text.Encoding.UTF8.GetString(file.Content)));
        Assert.True(await scenario.DbAsync(db => db.AccessTokens.AnyAsync(t => t.Name == "noc scripts" && t.UserId == root.Id)));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await scenario.DisposeAsync();
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
        try { System.IO.Directory.Delete(work, recursive: true); } catch (IOException) { }
    }
}
