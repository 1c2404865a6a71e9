using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Api.RtRest;

/// <summary>Custom fields named in forms as <c>CF.{Name}</c>, <c>CF-Name</c> or <c>CustomField-Name</c>.</summary>
public sealed class RtCustomFieldNames(NocDbContext db)
{
    /// <summary>The field's name when the key names a custom field, else null.</summary>
    public static string? NameIn(string key)
    {
        if (key.StartsWith("CF.{", StringComparison.OrdinalIgnoreCase) && key.EndsWith('}')) return key[4..^1].Trim();
        foreach (var prefix in new[] { "CF-", "CustomField-", "CF." })
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return key[prefix.Length..].Trim();
        return null;
    }

    public async Task<int> IdAsync(string name, CancellationToken ct)
    {
        var fields = await db.CustomFields.AsNoTracking().Where(f => !f.Disabled).Select(f => new { f.Id, f.Name }).ToListAsync(ct);
        return fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Id
               ?? throw new RtFieldException($"There is no custom field '{name}'.");
    }
}
