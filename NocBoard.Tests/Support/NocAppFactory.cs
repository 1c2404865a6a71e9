using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NocBoard.Tests.Support;

/// <summary>
/// The real app, with its real pipeline, on its own fresh SQLite file in a temporary data folder
/// that is removed afterwards.
/// </summary>
public sealed class NocAppFactory : WebApplicationFactory<Program>
{
    public const string RootPassword = "Root-Test-Password-1";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    public NocAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        DataDirectory = Path.Combine(Path.GetTempPath(), "nocboard-tests", Guid.NewGuid().ToString("N"));
        this.settings = new Dictionary<string, string?>
        {
            ["Data:Directory"] = DataDirectory,
            ["Bootstrap:RootPassword"] = RootPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            this.settings[key] = value;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "nocboard.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        if (services is not null)
            builder.ConfigureServices(services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open by a finishing background task; the temp folder is cleaned by the OS */ }
    }
}
