using System.Text.Json;

namespace NocBoard.Monitoring.Webhooks;

/// <summary>
/// The generic webhook for Cacti, Smokeping, scripts and anything else: one JSON object, or an array
/// of them, each { source?, key, state (problem, ok, ack, flapping-start, flapping-stop,
/// downtime-start, downtime-end, update), severity?, summary?, details?, host?, service?, labels? }.
/// </summary>
public static class GenericAlertPayload
{
    public static IReadOnlyList<Alert> Read(string body, string sourceName)
    {
        var root = JsonFields.Parse(body);
        var items = root.ValueKind switch
        {
            JsonValueKind.Object => [root],
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            _ => throw new AlertPayloadException("The body must be a JSON object (one alert) or an array of them."),
        };
        if (items.Count == 0) throw new AlertPayloadException("The array holds no alerts.");
        return items.Select((item, i) => ReadOne(item, sourceName, root.ValueKind == JsonValueKind.Array ? $"[{i}]." : "")).ToList();
    }

    private static Alert ReadOne(JsonElement item, string sourceName, string where)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new AlertPayloadException($"{where.TrimEnd('.')}: each alert must be a JSON object.");
        var source = JsonFields.String(item, "source", where);
        if (source is not null && !string.Equals(source, sourceName, StringComparison.OrdinalIgnoreCase))
            throw new AlertPayloadException($"{where}source: '{source}' is not the source this token belongs to ('{sourceName}').");
        var key = JsonFields.String(item, "key", where, required: true)!;
        if (key.Length > 400) throw new AlertPayloadException($"{where}key: is longer than 400 characters.");
        var stateName = JsonFields.String(item, "state", where, required: true)!;
        if (!Alert.StateNames.TryGetValue(stateName, out var state))
            throw new AlertPayloadException($"{where}state: '{stateName}' is not a state; use one of {string.Join(", ", Alert.StateNames.Keys)}.");
        return new Alert
        {
            Source = sourceName,
            Key = key,
            State = state,
            Severity = JsonFields.String(item, "severity", where),
            Summary = JsonFields.String(item, "summary", where) ?? key,
            Details = JsonFields.String(item, "details", where),
            Host = JsonFields.String(item, "host", where),
            Service = JsonFields.String(item, "service", where),
            Labels = JsonFields.Map(item, "labels", where),
            StartsAt = JsonFields.Time(item, "startsAt", where),
        };
    }
}
