using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NocBoard.Data;

namespace NocBoard.Operations.Archive;

/// <summary>
/// Writes the whole database as a zip archive: <c>manifest.json</c>, one <c>tables/NAME.jsonl</c>
/// per table (one JSON object per row, in key order), and every binary value (attachment
/// contents) as its own file under <c>blobs/</c>.
/// </summary>
public sealed class ArchiveWriter(NocDbContext db)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<ArchiveManifest> WriteAsync(Stream output, CancellationToken ct)
    {
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault()
                        ?? throw new InvalidOperationException("The database has no schema yet: nothing to export.");
        var tables = new List<ArchiveTable>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var type in ArchiveModel.Tables(db))
        {
            var name = ArchiveModel.TableName(type);
            var rows = await RowsAsync(type, ct);
            var blobs = new List<(string Path, byte[] Content)>();
            var entry = zip.CreateEntry($"tables/{name}.jsonl", CompressionLevel.Fastest);
            await using (var writer = new StreamWriter(entry.Open(), Utf8))
            {
                foreach (var row in rows)
                    await writer.WriteAsync(Line(type, name, row, blobs) + "\n");
            }
            // A zip is written one entry at a time, so a table's blobs follow its rows.
            foreach (var (path, content) in blobs)
            {
                await using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                await stream.WriteAsync(content, ct);
            }
            tables.Add(new ArchiveTable(name, rows.Count));
        }

        var manifest = new ArchiveManifest(ArchiveModel.Format, ArchiveModel.Version, DateTimeOffset.UtcNow, migration,
            db.Database.ProviderName ?? "", tables);
        await using (var stream = zip.CreateEntry("manifest.json").Open())
            await JsonSerializer.SerializeAsync(stream, manifest, new JsonSerializerOptions { WriteIndented = true }, ct);
        return manifest;
    }

    private static string Line(IEntityType type, string table, object row, List<(string, byte[])> blobs)
    {
        var json = new JsonObject();
        foreach (var property in type.GetProperties())
        {
            var value = property.GetGetter().GetClrValue(row);
            if (ArchiveModel.IsBlob(property) && value is byte[] bytes)
            {
                var path = $"blobs/{table}/{ArchiveModel.Key(type, row)}.{property.Name}";
                blobs.Add((path, bytes));
                json[property.Name] = new JsonObject { ["blob"] = path };
            }
            else
            {
                json[property.Name] = JsonSerializer.SerializeToNode(value, property.ClrType, ArchiveModel.Json);
            }
        }
        foreach (var owned in ArchiveModel.Owned(type))
            json[owned.Name] = JsonSerializer.SerializeToNode(owned.GetGetter().GetClrValue(row), owned.ClrType, ArchiveModel.Json);
        return json.ToJsonString(ArchiveModel.Json);
    }

    private async Task<List<object>> RowsAsync(IEntityType type, CancellationToken ct)
    {
        var read = typeof(ArchiveWriter).GetMethod(nameof(ReadAllAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType);
        var rows = await (Task<List<object>>)read.Invoke(null, [db, ct])!;
        return rows.OrderBy(r => ArchiveModel.SortKey(type, r), KeyComparer.Instance).ToList();
    }

    private static async Task<List<object>> ReadAllAsync<T>(NocDbContext db, CancellationToken ct) where T : class =>
        (await db.Set<T>().AsNoTracking().ToListAsync(ct)).Cast<object>().ToList();

    private sealed class KeyComparer : IComparer<IComparable[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(IComparable[]? x, IComparable[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = x[i] is string a && y[i] is string b ? string.CompareOrdinal(a, b) : x[i].CompareTo(y[i]);
                if (c != 0) return c;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
