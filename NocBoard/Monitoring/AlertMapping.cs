using System.Text.RegularExpressions;

namespace NocBoard.Monitoring;

/// <summary>What a mapping sets on a new alert ticket.</summary>
public enum MappingTarget { Priority, Queue, Owner, CustomField }

/// <summary>
/// A rule of a source: when an alert's <see cref="Field"/> (severity, host, service, key, label.NAME)
/// matches <see cref="Pattern"/>, set <see cref="Target"/> to <see cref="Value"/>. For each target
/// (each custom field) the first matching mapping in <see cref="Order"/> wins. Values may name alert
/// fields in braces: "{host}", "{label.site}".
/// </summary>
public class AlertMapping
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public int Order { get; set; }
    public required string Field { get; set; }

    /// <summary>A regular expression the whole value must match, ignoring case; empty matches any present value.</summary>
    public string Pattern { get; set; } = "";
    public MappingTarget Target { get; set; }

    /// <summary>For <see cref="MappingTarget.CustomField"/>: the custom field's name.</summary>
    public string? CustomFieldName { get; set; }

    /// <summary>A priority number, a queue name, a user name, or a custom field value.</summary>
    public required string Value { get; set; }

    public bool Matches(Alert alert) =>
        alert.Field(Field) is { } value
        && (Pattern.Length == 0 || Regex.IsMatch(value, $"^(?:{Pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    public string Render(Alert alert) => AlertTemplate.Render(Value, name => alert.Field(name));
}
