using NocBoard.Data;
using NocBoard.Operations.Archive;

namespace NocBoard.Operations.Commands;

/// <summary><c>import FILE</c>: loads an archive into an empty database (a new data folder, or a new PostgreSQL database).</summary>
public sealed class ImportCommand : IOperatorCommand
{
    public string Name => "import";
    public string Usage => "FILE.zip";
    public string Summary => "load an archive written by 'export' into an empty database at the same version";
    public bool RunsOnAnyDatabaseVersion => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        var path = context.Args.Positional.Count == 1 ? Path.GetFullPath(context.Args.Positional[0]) : throw new CommandUsageException("Name the archive file to read.");
        if (!File.Exists(path)) throw new CommandUsageException($"There is no file {path}.");
        await context.Services.MigrateDatabaseAsync(context.Ct);
        try
        {
            await using var file = File.OpenRead(path);
            var manifest = await context.Services.GetRequiredService<ArchiveReader>().ReadAsync(file, context.Ct);
            context.Out.WriteLine($"Imported {manifest.Tables.Sum(t => t.Rows)} rows of {manifest.Tables.Count} tables from {path}.");
            return 0;
        }
        catch (ArchiveException e)
        {
            context.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
