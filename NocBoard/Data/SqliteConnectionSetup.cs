using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NocBoard.Data;

/// <summary>
/// Sets synchronous=NORMAL on every SQLite connection: in WAL mode a commit then writes the log
/// without an fsync of its own, and <see cref="CommitDurability"/> flushes the log once for a group
/// of commits before any of them is acknowledged. The setting lives per connection, so it is set
/// whenever one opens.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
