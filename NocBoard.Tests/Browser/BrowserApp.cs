using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Browser;

/// <summary>
/// NocBoard on a real Kestrel on a free loopback port (a browser cannot reach the in-memory test
/// server), on its own fresh database, once per test class. Tests arrange and check data through
/// <see cref="Scenario"/>; each test names its own users and tickets so they don't interfere.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private Scenario? scenario;

    public Scenario Scenario => scenario ?? throw new InvalidOperationException("The app was not started.");

    /// <summary>The app's warnings and errors.</summary>
    public ServerLog Log { get; } = new();

    /// <summary>The site's root with a trailing slash, e.g. http://127.0.0.1:40123/.</summary>
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        var app = new NocAppFactory(services: services => services.AddSingleton<ILoggerProvider>(Log));
        try
        {
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
            var address = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));
            BaseUrl = address.TrimEnd('/') + "/";
        }
        catch
        {
            app.Dispose();
            throw;
        }
        scenario = Scenario.For(app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (scenario is not null) await scenario.DisposeAsync();
    }
}
