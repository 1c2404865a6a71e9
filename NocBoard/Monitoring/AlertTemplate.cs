using System.Text.RegularExpressions;

namespace NocBoard.Monitoring;

/// <summary>Fills "{name}" placeholders from a lookup; unknown names become empty.</summary>
public static partial class AlertTemplate
{
    public static string Render(string template, Func<string, string?> lookup) =>
        Placeholder().Replace(template, m => lookup(m.Groups[1].Value) ?? "").Trim();

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
