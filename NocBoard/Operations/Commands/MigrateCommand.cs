using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Operations.Commands;

/// <summary>
/// Brings the database to this version's schema and makes sure the defaults exist, as a start of
/// the web server does; for upgrades run before the new version serves.
/// </summary>
public sealed class MigrateCommand : IOperatorCommand
{
    public string Name => "migrate";
    public string Usage => "";
    public string Summary => "apply database migrations and create the defaults (root, system, General queue)";
    public bool RunsOnAnyDatabaseVersion => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        var db = context.Services.GetRequiredService<NocDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(context.Ct)).ToList();
        await context.Services.MigrateDatabaseAsync(context.Ct);
        await context.Services.GetRequiredService<QueueSeed>().EnsureDefaultsAsync(context.Ct);
        await context.Services.GetRequiredService<FirstRun>().EnsureAccountsAsync(context.Ct);
        var current = (await db.Database.GetAppliedMigrationsAsync(context.Ct)).LastOrDefault() ?? "none";
        context.Out.WriteLine(pending.Count == 0
            ? $"The database was up to date (at {current})."
            : $"Applied {pending.Count} migration(s); the database is at {current}.");
        return 0;
    }
}
