using System.Globalization;
using System.Text.RegularExpressions;

namespace NocBoard.Search;

/// <summary>
/// A moment or a span a date value stands for: 'today' is the whole day (End after Start),
/// '-7 days' or '2026-11-01 14:00:30' is one moment (End equal to Start), '2026-11-01 14:00' the minute.
/// Always in UTC, as dates are stored.
/// </summary>
public readonly record struct DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsSpan => End > Start;
}

/// <summary>
/// Reads the date values of searches as RT does: 'now', 'today', 'yesterday', 'tomorrow',
/// '-7 days', '+3 days', '2 hours ago', and absolute dates ('2026-11-01', '2026-11-01 14:00').
/// Days begin at midnight in the site's time zone; "now" comes from the injected clock.
/// </summary>
public sealed partial class RelativeDates(TimeProvider clock, TimeZoneInfo zone)
{
    private static readonly string[] AbsoluteFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
    ];

    [GeneratedRegex(@"^(?<sign>[+-])?\s*(?<n>\d+)\s*(?<unit>[a-z]+)(?<ago>\s+ago)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    /// <summary>The range, or null with the reason when the text is not a date.</summary>
    public (DateRange? Range, string? Problem) Resolve(string text)
    {
        var value = text.Trim();
        var now = clock.GetUtcNow();
        switch (value.ToLowerInvariant())
        {
            case "now": return (new DateRange(now, now), null);
            case "today": return (Day(Local(now).Date), null);
            case "yesterday": return (Day(Local(now).Date.AddDays(-1)), null);
            case "tomorrow": return (Day(Local(now).Date.AddDays(1)), null);
        }
        if (Relative().Match(value) is { Success: true } m)
            return Offset(now, m);
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (Day(day), null);
        if (DateTime.TryParseExact(value, AbsoluteFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var start = ToUtc(local);
            var toTheSecond = value.Length > "yyyy-MM-dd HH:mm".Length;
            return (new DateRange(start, toTheSecond ? start : start.AddMinutes(1)), null);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(value))
        {
            var at = withOffset.ToUniversalTime();
            return (new DateRange(at, at), null);
        }
        return (null, "it is not a date (use e.g. '2026-11-01', '2026-11-01 14:00', 'today', 'yesterday', '-7 days' or '2 hours ago')");
    }

    private (DateRange?, string?) Offset(DateTimeOffset now, Match m)
    {
        var ago = m.Groups["ago"].Success;
        var sign = m.Groups["sign"].Value;
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (ago && sign.Length > 0) return (null, "write either a sign or 'ago', not both");
        if (!ago && sign.Length == 0)
            return (null, $"say which way: '-{n} {unit}' or '{n} {unit} ago' for the past, '+{n} {unit}' for the future");
        if (ago || sign == "-") n = -n;

        // Minutes and hours are exact; days and longer follow the site's calendar (and daylight saving).
        var local = Local(now);
        DateTimeOffset? at = unit switch
        {
            "minute" or "minutes" or "min" or "mins" => now.AddMinutes(n),
            "hour" or "hours" or "h" => now.AddHours(n),
            "day" or "days" or "d" => ToUtc(local.AddDays(n)),
            "week" or "weeks" or "w" => ToUtc(local.AddDays(7 * n)),
            "month" or "months" => ToUtc(local.AddMonths(n)),
            "year" or "years" => ToUtc(local.AddYears(n)),
            _ => null,
        };
        return at is { } moment
            ? (new DateRange(moment, moment), null)
            : (null, $"'{unit}' is not a unit of time (use minutes, hours, days, weeks, months or years)");
    }

    private DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone).DateTime;

    private DateRange Day(DateTime localDate) => new(ToUtc(localDate.Date), ToUtc(localDate.Date.AddDays(1)));

    /// <summary>A wall-clock time of the site as UTC; a time skipped by a daylight-saving jump counts as just after it.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static bool HasOffset(string value) => value.EndsWith('Z') || value.EndsWith('z') || PlusMinusOffset().IsMatch(value);

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex PlusMinusOffset();
}
