using System.Globalization;
using Microsoft.Extensions.Options;

namespace NocBoard.Site;

/// <summary>
/// Shows dates the way people read them: in the site's time zone, relative ("3 hours ago") with
/// the exact time for a tooltip.
/// </summary>
public sealed class UserClock(IOptions<SiteOptions> site, TimeProvider clock)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone);

    public string Exact(DateTimeOffset when) =>
        TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + ZoneLabel;

    private string ZoneLabel => zone.Id == "UTC" || zone.Id == "Etc/UTC" ? "UTC" : zone.Id;

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
