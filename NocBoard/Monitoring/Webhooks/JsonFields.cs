using System.Text.Json;

namespace NocBoard.Monitoring.Webhooks;

/// <summary>Reading fields of a JSON alert with errors that say where ("alerts[3].labels: must be an object").</summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name, string where, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? throw new AlertPayloadException($"{where}{name}: is required.") : null;
        if (value.ValueKind != JsonValueKind.String)
            throw new AlertPayloadException($"{where}{name}: must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        var text = value.GetString()!.Trim();
        if (required && text.Length == 0) throw new AlertPayloadException($"{where}{name}: must not be empty.");
        return text.Length == 0 ? null : text;
    }

    public static Dictionary<string, string> Map(JsonElement obj, string name, string where)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return map;
        if (value.ValueKind != JsonValueKind.Object)
            throw new AlertPayloadException($"{where}{name}: must be an object of names to strings.");
        foreach (var p in value.EnumerateObject())
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return map;
    }

    public static DateTimeOffset? Time(JsonElement obj, string name, string where)
    {
        var text = String(obj, name, where);
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
            throw new AlertPayloadException($"{where}{name}: '{text}' is not a date and time (RFC 3339).");
        // Alertmanager sends 0001-01-01T00:00:00Z for "not set".
        return time.Year <= 1 ? null : time.ToUniversalTime();
    }

    public static JsonElement Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new AlertPayloadException($"The body is not valid JSON: {e.Message}");
        }
    }
}
