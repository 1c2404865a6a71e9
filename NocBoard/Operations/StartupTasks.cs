using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Operations;

public static class StartupTasks
{
    /// <summary>
    /// Brings the database to the current schema and makes sure the defaults exist (default
    /// lifecycle, General queue, root and system accounts). Safe to run at every start.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<QueueSeed>().EnsureDefaultsAsync();
            await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureAccountsAsync();
            await scope.ServiceProvider.GetRequiredService<Automation.AutomationSeed>().EnsureDefaultsAsync();
        }
        app.Services.GetRequiredService<DatabaseReadiness>().MarkReady();
    }
}
