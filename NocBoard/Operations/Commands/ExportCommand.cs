using NocBoard.Operations.Archive;

namespace NocBoard.Operations.Commands;

/// <summary><c>export FILE</c>: the whole database as a portable archive (JSON lines per table, attachments as files).</summary>
public sealed class ExportCommand : IOperatorCommand
{
    public string Name => "export";
    public string Usage => "FILE.zip";
    public string Summary => "write the whole database to a portable archive (backup, or moving to another database)";

    public async Task<int> RunAsync(CommandContext context)
    {
        var path = context.Args.Positional.Count == 1 ? Path.GetFullPath(context.Args.Positional[0]) : throw new CommandUsageException("Name the archive file to write.");
        if (File.Exists(path)) throw new CommandUsageException($"{path} exists already; choose a new file name.");
        var partial = path + ".partial";
        ArchiveManifest manifest;
        // Written aside and renamed, so a file with the archive's name is always a complete archive.
        await using (var file = File.Create(partial))
            manifest = await context.Services.GetRequiredService<ArchiveWriter>().WriteAsync(file, context.Ct);
        File.Move(partial, path);
        context.Out.WriteLine($"Exported {manifest.Tables.Sum(t => t.Rows)} rows of {manifest.Tables.Count} tables (schema {manifest.Migration}) to {path}.");
        return 0;
    }
}
