using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NocBoard.Operations.Archive;

/// <summary>
/// The tables of a NocBoard archive, taken from the EF model so that a new entity is exported
/// without anyone remembering to add it. Values are written as the app sees them (CLR values,
/// not SQLite's storage), which is what makes an archive portable between database providers.
/// </summary>
internal static class ArchiveModel
{
    public const string Format = "nocboard-archive";
    public const int Version = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        // Readable archives: '+' in dates and non-ASCII text as they are (the files are never embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every table-backed entity, principals before the entities that refer to them.</summary>
    public static IReadOnlyList<IEntityType> Tables(DbContext db)
    {
        var types = db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).ToList();
        foreach (var type in types)
        {
            var shadow = type.GetProperties().Where(p => p.IsShadowProperty()).Select(p => p.Name).ToList();
            if (shadow.Count > 0)
                throw new NotSupportedException($"{type.ClrType.Name} has shadow properties ({string.Join(", ", shadow)}), which the archive cannot read.");
        }
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType type)
        {
            if (ordered.Contains(type) || !visiting.Add(type)) return;
            foreach (var fk in type.GetForeignKeys())
            {
                var principal = fk.PrincipalEntityType;
                while (principal.IsOwned()) principal = principal.FindOwnership()!.PrincipalEntityType;
                if (principal != type && types.Contains(principal)) Visit(principal);
            }
            ordered.Add(type);
        }
        foreach (var type in types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal)) Visit(type);
        return ordered;
    }

    public static string TableName(IEntityType type) => type.GetTableName()!;

    /// <summary>Navigations to owned collections stored with their owner (e.g. a lifecycle's statuses).</summary>
    public static IEnumerable<INavigation> Owned(IEntityType type) =>
        type.GetNavigations().Where(n => n.TargetEntityType.IsOwned());

    public static bool IsBlob(IProperty property) => property.ClrType == typeof(byte[]);

    /// <summary>A row's key as text, for file names of its blobs and for a stable order.</summary>
    public static string Key(IEntityType type, object row) =>
        string.Join("_", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(p.GetGetter().GetClrValue(row), System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Rows in key order: numbers numerically, text ordinally.</summary>
    public static IComparable[] SortKey(IEntityType type, object row) =>
        type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(row) as IComparable ?? "").ToArray();

    public static void Set(IPropertyBase property, object entity, object? value)
    {
        if (property.PropertyInfo is { } info && info.GetSetMethod(nonPublic: true) is not null) info.SetValue(entity, value);
        else if (property.FieldInfo is { } field) field.SetValue(entity, value);
        else throw new NotSupportedException($"{property.DeclaringType.ClrType.Name}.{property.Name} cannot be set.");
    }
}

/// <summary>What an archive holds, written first as <c>manifest.json</c>.</summary>
public sealed record ArchiveManifest(string Format, int Version, DateTimeOffset Created, string Migration, string Provider,
    IReadOnlyList<ArchiveTable> Tables);

public sealed record ArchiveTable(string Name, int Rows);
