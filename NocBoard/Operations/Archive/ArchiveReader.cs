using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NocBoard.Data;

namespace NocBoard.Operations.Archive;

/// <summary>
/// Loads an archive written by <see cref="ArchiveWriter"/> into an empty database at the same
/// schema version, in one database transaction: all of it, or nothing.
/// </summary>
public sealed class ArchiveReader(NocDbContext db)
{
    private const int Batch = 500;

    public async Task<ArchiveManifest> ReadAsync(Stream input, CancellationToken ct)
    {
        using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = await ManifestAsync(zip, ct);
        var current = db.Database.GetMigrations().LastOrDefault();
        if (manifest.Migration != current)
            throw new ArchiveException($"The archive was written at schema {manifest.Migration}; this NocBoard is at {current}. " +
                                       "Import it with the NocBoard version that wrote it, then upgrade with 'migrate'.");
        var types = ArchiveModel.Tables(db);
        var unknown = manifest.Tables.Select(t => t.Name).Except(types.Select(ArchiveModel.TableName)).ToList();
        if (unknown.Count > 0) throw new ArchiveException($"The archive has tables this NocBoard does not know: {string.Join(", ", unknown)}.");
        foreach (var type in types)
        {
            if (await AnyAsync(type, ct))
                throw new ArchiveException($"The database is not empty (table {ArchiveModel.TableName(type)} has rows). " +
                                           "Import into a new data folder (--Data:Directory=...) or an empty database.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var type in types)
        {
            var entry = zip.GetEntry($"tables/{ArchiveModel.TableName(type)}.jsonl");
            if (entry is null) continue;
            using var reader = new StreamReader(entry.Open());
            var pending = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0) continue;
                db.Add(Row(type, JsonNode.Parse(line)!.AsObject(), zip));
                if (++pending % Batch == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return manifest;
    }

    private static object Row(IEntityType type, JsonObject json, ZipArchive zip)
    {
        var row = Activator.CreateInstance(type.ClrType, nonPublic: true)!;
        foreach (var property in type.GetProperties())
        {
            if (!json.TryGetPropertyValue(property.Name, out var node)) continue;
            object? value = ArchiveModel.IsBlob(property) && node is JsonObject blob
                ? Blob(zip, blob["blob"]!.GetValue<string>())
                : node.Deserialize(property.ClrType, ArchiveModel.Json);
            ArchiveModel.Set(property, row, value);
        }
        foreach (var owned in ArchiveModel.Owned(type))
        {
            if (json.TryGetPropertyValue(owned.Name, out var node) && node is not null)
                ArchiveModel.Set(owned, row, node.Deserialize(owned.ClrType, ArchiveModel.Json));
        }
        return row;
    }

    private static byte[] Blob(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new ArchiveException($"The archive lacks {path}.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task<ArchiveManifest> ManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry("manifest.json") ?? throw new ArchiveException("This is not a NocBoard archive (no manifest.json).");
        await using var stream = entry.Open();
        var manifest = await JsonSerializer.DeserializeAsync<ArchiveManifest>(stream, cancellationToken: ct);
        if (manifest is null || manifest.Format != ArchiveModel.Format)
            throw new ArchiveException("This is not a NocBoard archive (unknown manifest).");
        if (manifest.Version > ArchiveModel.Version)
            throw new ArchiveException($"The archive is format version {manifest.Version}; this NocBoard reads up to {ArchiveModel.Version}.");
        return manifest;
    }

    private async Task<bool> AnyAsync(IEntityType type, CancellationToken ct)
    {
        var any = typeof(ArchiveReader).GetMethod(nameof(AnyOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType);
        return await (Task<bool>)any.Invoke(null, [db, ct])!;
    }

    private static Task<bool> AnyOfAsync<T>(NocDbContext db, CancellationToken ct) where T : class => db.Set<T>().AnyAsync(ct);
}

/// <summary>An archive that cannot be imported here; the message says why and what to do.</summary>
public sealed class ArchiveException(string message) : Exception(message);
