namespace NocBoard.Tests.Operations.Commands;

/// <summary>check prints one line per check and fails when anything is wrong.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-check", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_Migrated_Install_Passes_Every_Check()
    {
        Assert.Equal(0, (await NocCommand.RunAsync(data, "migrate")).ExitCode);

        var check = await NocCommand.RunAsync(data, "check");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("ok   configuration: settings are valid", check.Out);
        Assert.Contains($"ok   data folder: {data} is writable", check.Out);
        Assert.Contains("ok   database: connected, schema current, 0 ticket(s), journal wal", check.Out);
        Assert.Contains("Everything checked is fine.", check.Out);
    }

    [Fact]
    public async Task Bad_Settings_And_A_Missing_Database_Are_Each_Named()
    {
        var check = await NocCommand.RunAsync(data, ["check"], environment: new Dictionary<string, string?>
        {
            ["Site__TimeZone"] = "Mars/Olympus",
            ["Site__BaseUrl"] = "noc.example.net",
        });

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL configuration: ", check.Out);
        Assert.Contains("Site:TimeZone is not a known time zone id.", check.Out);
        Assert.Contains("Site:BaseUrl must be an absolute URL.", check.Out);
        Assert.Contains($"FAIL data folder: {data} does not exist", check.Out);
        Assert.Contains("FAIL database:", check.Out);
        Assert.Contains("3 check(s) failed.", check.Out);
    }

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
