using System.Globalization;
using Microsoft.Extensions.Options;

namespace NocBoard.Site;

/// <summary>
/// Shows dates the way people read them: in the site's time zone, relative ("3 hours ago") with
/// the exact time for a tooltip.
/// </summary>
public sealed class UserClock(IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>The site's zone, for people who have not chosen their own.</summary>
    public TimeZoneInfo SiteZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone);

    /// <summary>The exact time in <paramref name="zone"/> (default: the site's), named, e.g. "2026-11-23 14:05 Europe/Berlin".</summary>
    public string Exact(DateTimeOffset when, TimeZoneInfo? zone = null)
    {
        zone ??= SiteZone;
        var label = zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id;
        return TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + label;
    }

    public string Relative(DateTimeOffset when)
    {
        var delta = clock.GetUtcNow() - when;
        var future = delta < TimeSpan.Zero;
        var span = future ? -delta : delta;
        string amount = span switch
        {
            { TotalSeconds: < 60 } => "just now",
            { TotalMinutes: < 60 } => Plural((int)span.TotalMinutes, "minute"),
            { TotalHours: < 24 } => Plural((int)span.TotalHours, "hour"),
            { TotalDays: < 60 } => Plural((int)span.TotalDays, "day"),
            _ => Plural((int)(span.TotalDays / 30), "month"),
        };
        if (amount == "just now") return amount;
        return future ? $"in {amount}" : $"{amount} ago";
    }

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
}
