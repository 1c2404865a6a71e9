using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NocBoard.Monitoring.Webhooks;

/// <summary>
/// Prometheus Alertmanager's webhook payload (version 4): { status, groupKey, alerts: [{ status
/// firing|resolved, labels, annotations, startsAt, endsAt, fingerprint }] }. Each alert is keyed by
/// its fingerprint (or, if absent, its sorted labels), so a group's repeats land on one ticket per alert.
/// </summary>
public static class AlertmanagerPayload
{
    public static IReadOnlyList<Alert> Read(string body, string sourceName)
    {
        var root = JsonFields.Parse(body);
        if (root.ValueKind != JsonValueKind.Object) throw new AlertPayloadException("The body must be Alertmanager's JSON object.");
        if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
            throw new AlertPayloadException("alerts: is required and must be an array.");
        if (alerts.GetArrayLength() == 0) throw new AlertPayloadException("alerts: holds no alerts.");
        var groupKey = JsonFields.String(root, "groupKey", "");
        return alerts.EnumerateArray().Select((a, i) => ReadOne(a, sourceName, groupKey, $"alerts[{i}].")).ToList();
    }

    private static Alert ReadOne(JsonElement item, string sourceName, string? groupKey, string where)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new AlertPayloadException($"{where.TrimEnd('.')}: must be an object.");
        var status = JsonFields.String(item, "status", where, required: true)!;
        var state = status.ToLowerInvariant() switch
        {
            "firing" => AlertState.Problem,
            "resolved" => AlertState.Ok,
            _ => throw new AlertPayloadException($"{where}status: '{status}' is neither 'firing' nor 'resolved'."),
        };
        var labels = JsonFields.Map(item, "labels", where);
        if (labels.Count == 0) throw new AlertPayloadException($"{where}labels: is required (at least alertname).");
        var annotations = JsonFields.Map(item, "annotations", where);
        var key = JsonFields.String(item, "fingerprint", where) ?? Fingerprint(labels);
        var alertName = labels.GetValueOrDefault("alertname");
        var details = annotations.GetValueOrDefault("description");
        if (groupKey is not null) details = $"{details}\n\nAlertmanager group: {groupKey}".Trim();
        return new Alert
        {
            Source = sourceName,
            Key = key,
            State = state,
            Severity = labels.GetValueOrDefault("severity"),
            Summary = annotations.GetValueOrDefault("summary") ?? (alertName is null ? key : $"{alertName} on {labels.GetValueOrDefault("instance") ?? labels.GetValueOrDefault("job") ?? "?"}"),
            Details = details,
            Host = labels.GetValueOrDefault("instance"),
            Service = alertName,
            Labels = labels,
            StartsAt = JsonFields.Time(item, "startsAt", where),
        };
    }

    private static string Fingerprint(Dictionary<string, string> labels) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("\n", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")))))[..16].ToLowerInvariant();
}
