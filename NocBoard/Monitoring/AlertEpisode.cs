namespace NocBoard.Monitoring;

/// <summary>
/// One problem episode of a check and its ticket: how often it was seen, since when, and what the
/// check says now. The key's current episode carries <see cref="CurrentKey"/>, which is unique, so two
/// writers racing on a new problem cannot both open a ticket. It is written in the same commit as
/// the ticket change it goes with.
/// </summary>
public class AlertEpisode
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public required string Key { get; set; }
    public int TicketId { get; set; }

    /// <summary>"{source id}:{key}" on the key's current episode, null on earlier ones.</summary>
    public string? CurrentKey { get; set; }

    /// <summary>The check as last reported: problem or ok.</summary>
    public AlertState State { get; set; }
    public string? Severity { get; set; }
    public bool Acknowledged { get; set; }
    /// <summary>The ticket stays as it is while the check flaps: no status moves, no mail per flap.</summary>
    public bool Flapping { get; set; }

    /// <summary>The source said so (FLAPPINGSTART): only its FLAPPINGSTOP ends it. Otherwise NocBoard detected it and ends it when the check settles.</summary>
    public bool FlappingBySource { get; set; }

    /// <summary>When the check last went from problem to ok or back (the episode's start counts).</summary>
    public DateTimeOffset? LastStateChange { get; set; }

    /// <summary>The recent state changes within the source's flap window, as Unix seconds separated by spaces.</summary>
    public string RecentChanges { get; set; } = "";
    public bool InDowntime { get; set; }

    /// <summary>Alerts received for this episode (the first included).</summary>
    public int Count { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>When the current outage began; null while the check is ok.</summary>
    public DateTimeOffset? ProblemSince { get; set; }

    /// <summary>How long the last outage lasted, recorded at recovery.</summary>
    public TimeSpan? LastOutage { get; set; }

    public static string CurrentKeyOf(int sourceId, string key) => $"{sourceId}:{key}";
}
