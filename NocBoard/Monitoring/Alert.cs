namespace NocBoard.Monitoring;

/// <summary>
/// What a monitoring system says about one check: it is failing, fine again, acknowledged, flapping,
/// in downtime, or someone updated the problem there (a comment, a severity change: Zabbix's
/// "Updated problem").
/// </summary>
public enum AlertState { Problem, Ok, Acknowledgement, FlappingStart, FlappingStop, DowntimeStart, DowntimeEnd, Update }

/// <summary>
/// One alert as received, whatever the way in (Nagios or Zabbix mail, Alertmanager, the generic
/// webhook). <see cref="Key"/> names the check within its source: repeats of the same key belong to
/// the same problem episode.
/// </summary>
public sealed record Alert
{
    public required string Source { get; init; }
    public required string Key { get; init; }

    /// <summary>
    /// The key is a pattern ('*' matches any text) for a mail that does not name its check fully
    /// (Zabbix's "Updated problem" has the event name but no host): it goes to the newest open
    /// problem of the source whose key matches, and never opens a ticket.
    /// </summary>
    public bool KeyIsPattern { get; init; }
    public required AlertState State { get; init; }

    /// <summary>As the monitoring system says it: CRITICAL, DOWN, High, warning...</summary>
    public string? Severity { get; init; }
    public required string Summary { get; init; }
    public string? Details { get; init; }
    public string? Host { get; init; }
    public string? Service { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>When the monitoring system saw the problem start (Alertmanager's startsAt); else when it arrived.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>Words monitoring systems use for "fine": a flapping-stop in one of these is also a recovery.</summary>
    public bool SeverityIsOk => Severity?.Trim().ToUpperInvariant() is "OK" or "UP" or "RESOLVED" or "NORMAL";

    /// <summary>The value of a mapping field: severity, host, service, key, summary, or label.NAME.</summary>
    public string? Field(string name) => name.Trim().ToLowerInvariant() switch
    {
        "severity" => Severity,
        "host" => Host,
        "service" => Service,
        "key" => Key,
        "summary" => Summary,
        "source" => Source,
        var other when other.StartsWith("label.", StringComparison.Ordinal) =>
            Labels.FirstOrDefault(l => string.Equals(l.Key, name.Trim()[6..], StringComparison.OrdinalIgnoreCase)).Value,
        _ => null,
    };

    public static readonly IReadOnlyDictionary<string, AlertState> StateNames = new Dictionary<string, AlertState>(StringComparer.OrdinalIgnoreCase)
    {
        ["problem"] = AlertState.Problem,
        ["ok"] = AlertState.Ok,
        ["ack"] = AlertState.Acknowledgement,
        ["acknowledgement"] = AlertState.Acknowledgement,
        ["flapping-start"] = AlertState.FlappingStart,
        ["flapping-stop"] = AlertState.FlappingStop,
        ["downtime-start"] = AlertState.DowntimeStart,
        ["downtime-end"] = AlertState.DowntimeEnd,
        ["update"] = AlertState.Update,
    };

    public static string NameOf(AlertState state) => state switch
    {
        AlertState.Problem => "problem",
        AlertState.Ok => "ok",
        AlertState.Acknowledgement => "ack",
        AlertState.FlappingStart => "flapping-start",
        AlertState.FlappingStop => "flapping-stop",
        AlertState.DowntimeStart => "downtime-start",
        AlertState.Update => "update",
        _ => "downtime-end",
    };
}
