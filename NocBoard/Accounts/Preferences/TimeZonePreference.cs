using NocBoard.Site;

namespace NocBoard.Accounts.Preferences;

/// <summary>The time zone a user reads dates in: their own choice, else Site:TimeZone.</summary>
public sealed class TimeZonePreference(UserPreferences preferences, UserClock clock)
{
    public const string Key = "timezone";

    public async Task<TimeZoneInfo> ForAsync(Actor? actor, CancellationToken ct = default)
    {
        if (actor is null) return clock.SiteZone;
        var id = await preferences.GetAsync<string>(actor, Key, ct);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : clock.SiteZone;
    }

    /// <summary>Saves the user's zone (null: back to the site's); an unknown id is refused.</summary>
    public Task SetAsync(Actor actor, string? zoneId, CancellationToken ct = default)
    {
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
            throw new ArgumentException($"'{zoneId}' is not a time zone this server knows (use an IANA name such as Europe/Berlin).");
        return preferences.SetAsync(actor, Key, zoneId, ct);
    }
}
