using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Accounts.Preferences;

/// <summary>Reads and writes a user's own settings. Nobody can read or change another user's.</summary>
public sealed class UserPreferences(NocDbContext db)
{
    public async Task<T?> GetAsync<T>(Actor actor, string key, CancellationToken ct = default)
    {
        var row = await db.UserPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == actor.Id && p.Key == key, ct);
        if (row is null) return default;
        try { return JsonSerializer.Deserialize<T>(row.Value); }
        catch (JsonException) { return default; } // a preference from an older version: fall back to defaults
    }

    public async Task SetAsync<T>(Actor actor, string key, T value, CancellationToken ct = default)
    {
        actor.RequireNotWallDisplay("change preferences");
        var json = JsonSerializer.Serialize(value);
        var row = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == actor.Id && p.Key == key, ct);
        if (row is null) db.UserPreferences.Add(new UserPreference { UserId = actor.Id, Key = key, Value = json });
        else row.Value = json;
        await db.SaveChangesAsync(ct);
    }
}
