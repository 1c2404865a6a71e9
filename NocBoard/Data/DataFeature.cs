using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NocBoard.Data;

public static class DataFeature
{
    /// <summary>
    /// Registers the database: SQLite in the data folder unless ConnectionStrings:NocBoard names
    /// another file. The folder is created here so that a first run needs nothing prepared.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        var directory = Path.GetFullPath(options.Directory, builder.Environment.ContentRootPath);
        var connectionString = builder.Configuration.GetConnectionString("NocBoard");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, "nocboard.db"),
                Pooling = true,
            }.ToString();
        }

        builder.Services.Configure<DataOptions>(o => o.Directory = directory);
        // Split queries: a ticket loads its watchers and custom field values without a cartesian product.
        var generations = new ChangeGenerations();
        var interceptors = generations.Interceptors().Append(new SqliteConnectionSetup()).ToArray();
        builder.Services.AddSingleton(generations);
        // Pooled: a context's first use builds its internal services, which cost more than many a
        // query; every request, alert and circuit action takes a context, so they are reused.
        builder.Services.AddDbContextPool<NocDbContext>(o => o
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(interceptors));
        var durability = new CommitDurability(DatabaseFile(connectionString));
        builder.Services.AddSingleton(durability);
        builder.Services.AddSingleton(new WriteGate(serialize: true, durability));
        builder.Services.AddSingleton<DatabaseReadiness>();

        // Login cookies and antiforgery tokens stay valid across restarts because the keys that
        // protect them live beside the database.
        builder.Services.AddDataProtection()
            .SetApplicationName("NocBoard")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        return builder;
    }

    /// <summary>The SQLite file as SQLite resolves it (relative to the working directory); null for an in-memory database.</summary>
    private static string? DatabaseFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        return source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:" ? null : Path.GetFullPath(source.DataSource);
    }

    /// <summary>Creates the data folder and database, switches SQLite to WAL, and applies migrations.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NocDbContext>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (every open board) run while a ticket is written; the setting is
            // stored in the database file, so once is enough. Commits are made durable in groups
            // (CommitDurability): every change reaches the disk before it is acknowledged, so a
            // power cut loses nothing acknowledged.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
