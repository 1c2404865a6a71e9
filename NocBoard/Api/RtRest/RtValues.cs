using System.Globalization;
using System.Text.RegularExpressions;

namespace NocBoard.Api.RtRest;

/// <summary>Values in the spellings RT's REST 1.0 uses: dates, minutes, ticket URIs, id lists.</summary>
public static partial class RtValues
{
    public const string NotSet = "Not set";
    private const string RtDate = "ddd MMM dd HH:mm:ss yyyy";

    /// <summary>A ticket date as RT shows it on a ticket, in the reader's zone: <c>Mon Nov 23 03:41:28 2026</c>.</summary>
    public static string Date(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString(RtDate, CultureInfo.InvariantCulture) : NotSet;

    /// <summary>A date as RT writes it in history and templates: <c>2026-11-23 03:41:28</c>, UTC.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A date as a form to be edited holds it: <c>2026-11-23 03:41:28</c> in the reader's zone.</summary>
    public static string Editable(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a date leniently, as RT does: RT's own display form and ISO-like forms; without an
    /// offset it is the reader's local time. Empty or <c>Not set</c> means no date.
    /// </summary>
    public static bool TryParseDate(string? text, TimeZoneInfo zone, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals(NotSet, StringComparison.OrdinalIgnoreCase)) return true;
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        if (DateTime.TryParseExact(t, ["ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var rt))
        {
            value = Local(rt, zone);
            return true;
        }
        if (HasOffset().IsMatch(t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            value = withOffset.ToUniversalTime();
            return true;
        }
        if (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = Local(local, zone);
            return true;
        }
        return false;
    }

    private static DateTimeOffset Local(DateTime time, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();

    /// <summary>Minutes as RT shows them: <c>0</c>, or <c>90 minutes</c>.</summary>
    public static string Minutes(int minutes) => minutes == 0 ? "0" : $"{minutes} minutes";

    /// <summary>Reads <c>90</c> or <c>90 minutes</c>; empty is zero.</summary>
    public static bool TryParseMinutes(string? text, out int minutes)
    {
        minutes = 0;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim();
        if (t.EndsWith("minutes", StringComparison.OrdinalIgnoreCase)) t = t[..^"minutes".Length].Trim();
        return int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out minutes);
    }

    /// <summary>The URI RT gives a local ticket in link lists.</summary>
    public static string TicketUri(string organization, int id) => $"fsck.com-rt://{organization}/ticket/{id}";

    /// <summary>A ticket named by number, <c>ticket/42</c>, or a local ticket URI.</summary>
    public static int? TicketNumber(string text)
    {
        var m = TicketRef().Match(text.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, out var id) ? id : null;
    }

    [GeneratedRegex(@"^(?:(?:fsck\.com-rt://[^/]*/)?ticket/)?(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TicketRef();

    /// <summary>Expands an RT id list such as <c>1-3,7</c>; null when it is not one.</summary>
    public static IReadOnlyList<int>? ExpandIds(string list)
    {
        var ids = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length == 1 && int.TryParse(range[0], out var one) && one > 0) ids.Add(one);
            else if (range.Length == 2 && int.TryParse(range[0], out var from) && int.TryParse(range[1], out var to) && from > 0 && to >= from && to - from < 10000)
                ids.AddRange(Enumerable.Range(from, to - from + 1));
            else return null;
        }
        return ids;
    }
}
