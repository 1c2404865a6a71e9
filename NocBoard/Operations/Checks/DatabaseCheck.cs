using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;

namespace NocBoard.Operations.Checks;

/// <summary>The database answers, is at this version's schema, and has the accounts automation needs.</summary>
public sealed class DatabaseCheck(NocDbContext db) : ISystemCheck
{
    public string Name => "database";

    public async Task<CheckResult> RunAsync(CancellationToken ct)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return CheckResult.Fail($"cannot connect ({db.Database.ProviderName}).");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
                return CheckResult.Fail($"{pending.Count} migration(s) not applied ({string.Join(", ", pending)}): run 'migrate'.");
            if (!await db.Users.AnyAsync(u => u.UserName == SystemUser.UserName, ct))
                return CheckResult.Fail("the system account is missing: run 'migrate' (or start the web server once).");
            var tickets = await db.Tickets.CountAsync(ct);
            var mode = db.Database.IsSqlite() ? $", journal {await JournalModeAsync(ct)}" : "";
            return CheckResult.Pass($"connected, schema current, {tickets} ticket(s){mode}");
        }
        catch (Exception e)
        {
            return CheckResult.Fail(e.GetBaseException().Message);
        }
    }

    private async Task<string> JournalModeAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (await command.ExecuteScalarAsync(ct))?.ToString() ?? "unknown";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
