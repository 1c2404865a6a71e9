using System.Globalization;

namespace NocBoard.Automation.Due;

/// <summary>Adds working time to a moment: within a queue's business hours, skipping non-working days and holidays.</summary>
public static class BusinessHours
{
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan work, QueueSla sla, TimeZoneInfo zone)
    {
        if (sla.BusinessStart is not { } open || sla.BusinessEnd is not { } close || close <= open) return start + work;
        var days = WorkingDays(sla.BusinessDays);
        var holidays = Holidays(sla.Holidays);
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var remaining = work;
        for (var guard = 0; guard < 3700; guard++)
        {
            var day = local.Date;
            if (days.Contains(day.DayOfWeek) && !holidays.Contains(DateOnly.FromDateTime(day)))
            {
                var dayOpen = day + open.ToTimeSpan();
                var dayClose = day + close.ToTimeSpan();
                var from = local > dayOpen ? local : dayOpen;
                if (from < dayClose)
                {
                    var available = dayClose - from;
                    if (remaining <= available) return ToUtc(from + remaining, zone);
                    remaining -= available;
                }
            }
            local = day.AddDays(1);
        }
        throw new InvalidOperationException("The queue's business hours leave no working time in the next ten years.");
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A moment in the hour skipped by a daylight-saving change does not exist: take the hour after.
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static HashSet<DayOfWeek> WorkingDays(string? text)
    {
        var result = new HashSet<DayOfWeek>();
        foreach (var part in (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase) && part.Length >= 2, (DayOfWeek)(-1));
            if ((int)match < 0) throw new FormatException($"'{part}' is not a day of the week (Mon, Tue, ...).");
            result.Add(match);
        }
        return result;
    }

    public static HashSet<DateOnly> Holidays(string? text)
    {
        var result = new HashSet<DateOnly>();
        foreach (var part in (text ?? "").Split([',', ' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"'{part}' is not a date like 2026-12-25.");
            result.Add(date);
        }
        return result;
    }
}
