using System.Globalization;

namespace NocBoard.Monitoring;

/// <summary>
/// A source's flap detection: <see cref="Changes"/> state changes of one key within
/// <see cref="Window"/> mean the check is flapping; it has settled once <see cref="Window"/> passes
/// without a change. <see cref="Changes"/> 0 turns detection off.
/// </summary>
public sealed record FlapDetection(int Changes, TimeSpan Window)
{
    public bool Enabled => Changes > 0 && Window > TimeSpan.Zero;

    public static readonly FlapDetection Off = new(0, TimeSpan.Zero);

    public string Describe() => $"{Changes} state changes within {OutageText.Of(Window)}";
}

/// <summary>
/// NocBoard's own flap detection on an episode, so that a check going up and down does not
/// resolve and reopen its ticket (and mail people) on every change, whether or not the monitoring
/// system reports flapping itself.
/// </summary>
public static class AlertFlapping
{
    /// <summary>Notes a state change at <paramref name="now"/>; true when it makes the episode start flapping.</summary>
    public static bool NoteChange(AlertEpisode episode, FlapDetection flap, DateTimeOffset now)
    {
        episode.LastStateChange = now;
        if (!flap.Enabled)
        {
            episode.RecentChanges = "";
            return false;
        }
        var recent = Parse(episode.RecentChanges).Where(t => now - t < flap.Window).Append(now).ToList();
        // Only the last Changes entries can matter; keep the column short.
        episode.RecentChanges = string.Join(' ', recent.TakeLast(flap.Changes).Select(t => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (episode.Flapping || recent.Count < flap.Changes) return false;
        episode.Flapping = true;
        episode.FlappingBySource = false;
        return true;
    }

    /// <summary>Whether flapping NocBoard detected has settled: no change for a whole window.</summary>
    public static bool HasSettled(AlertEpisode episode, FlapDetection flap, DateTimeOffset now) =>
        episode.Flapping && !episode.FlappingBySource
        && (!flap.Enabled || episode.LastStateChange is not { } last || now - last >= flap.Window);

    public static void Start(AlertEpisode episode, DateTimeOffset now)
    {
        episode.LastStateChange = now;
        episode.RecentChanges = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static IEnumerable<DateTimeOffset> Parse(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>();
}
