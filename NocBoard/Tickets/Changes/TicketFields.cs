using System.Globalization;

namespace NocBoard.Tickets.Changes;

/// <summary>Validation of the basic ticket fields, shared by creation and by <see cref="SetField"/>.</summary>
internal sealed class TicketFields(TicketOptions options)
{
    public int Priority(int value, string field) =>
        value >= options.MinPriority && value <= options.MaxPriority
            ? value
            : throw TicketChangeContext.Invalid($"{field} must be between {options.MinPriority} and {options.MaxPriority}, not {value}.");

    public static string Subject(string? subject)
    {
        var clean = string.Join(' ', (subject ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (clean.Length == 0) throw TicketChangeContext.Invalid("A ticket needs a subject.");
        if (clean.Length > 500) throw TicketChangeContext.Invalid($"The subject is {clean.Length} characters long; the limit is 500.");
        return clean;
    }

    public static int Minutes(int value, string field) =>
        value >= 0 ? value : throw TicketChangeContext.Invalid($"{field} is in minutes and cannot be negative ({value}).");

    public static int ParseInt(string? value, string field) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw TicketChangeContext.Invalid($"{field} takes a whole number; '{value}' is not one.");

    public static DateTimeOffset? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : throw TicketChangeContext.Invalid($"{field} takes a date such as 2026-11-23 14:00Z; '{value}' is not one.");
    }

    public static string? Format(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
