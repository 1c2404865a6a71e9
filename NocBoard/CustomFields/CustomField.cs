using System.Globalization;

namespace NocBoard.CustomFields;

/// <summary>
/// A site-defined field on tickets ("Device", "Site", "Circuit ID"), applied to every queue or to
/// chosen ones.
/// </summary>
public class CustomField
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public CustomFieldType Type { get; set; }

    /// <summary>The allowed values of a select field, in display order.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>True: applies to every queue. False: only to queues listed in <see cref="Queues"/>.</summary>
    public bool AppliesGlobally { get; set; }

    public bool Disabled { get; set; }

    public List<QueueCustomField> Queues { get; set; } = [];

    public bool AllowsMany => Type == CustomFieldType.SelectMany;

    /// <summary>
    /// Checks values against the field's type and returns them in canonical form (numbers in
    /// invariant culture, dates as ISO 8601 UTC), or the reason they are not acceptable.
    /// </summary>
    public CustomFieldCheck Check(IReadOnlyList<string> values)
    {
        var cleaned = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        if (cleaned.Count > 1 && !AllowsMany)
            return CustomFieldCheck.Fail($"Custom field '{Name}' takes one value, not {cleaned.Count}.");

        var canonical = new List<string>(cleaned.Count);
        foreach (var value in cleaned)
        {
            switch (Type)
            {
                case CustomFieldType.Text when value.Contains('\n'):
                    return CustomFieldCheck.Fail($"Custom field '{Name}' is a single line of text; use a long text field for several lines.");
                case CustomFieldType.Text or CustomFieldType.LongText:
                    canonical.Add(value);
                    break;
                case CustomFieldType.Number:
                    if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                        return CustomFieldCheck.Fail($"Custom field '{Name}' takes a number; '{value}' is not one.");
                    canonical.Add(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case CustomFieldType.Date:
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                        return CustomFieldCheck.Fail($"Custom field '{Name}' takes a date; '{value}' is not one (use e.g. 2026-11-23 or 2026-11-23T14:00:00Z).");
                    canonical.Add(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    break;
                case CustomFieldType.SelectOne or CustomFieldType.SelectMany:
                    var match = Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                        return CustomFieldCheck.Fail($"Custom field '{Name}' has no value '{value}'; choose one of: {string.Join(", ", Values)}.");
                    canonical.Add(match);
                    break;
            }
        }
        return CustomFieldCheck.Ok(canonical.Distinct().ToList());
    }
}

public enum CustomFieldType { Text, LongText, Number, Date, SelectOne, SelectMany }

public sealed record CustomFieldCheck(IReadOnlyList<string> Values, string? Error)
{
    public static CustomFieldCheck Ok(IReadOnlyList<string> values) => new(values, null);
    public static CustomFieldCheck Fail(string error) => new([], error);
}

public class QueueCustomField
{
    public int QueueId { get; set; }
    public int CustomFieldId { get; set; }
}
