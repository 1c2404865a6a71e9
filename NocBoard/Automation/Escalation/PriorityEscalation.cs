namespace NocBoard.Automation.Escalation;

/// <summary>
/// RT's linear escalation: the priority moves from InitialPriority to FinalPriority in proportion
/// to the time gone between the start (Starts, else Created) and Due, and is FinalPriority from Due on.
/// It only moves toward FinalPriority, so a priority someone raised by hand is not taken back, and
/// the same moment always gives the same answer (running twice changes nothing).
/// </summary>
public static class PriorityEscalation
{
    /// <summary>The priority the ticket should have now, or null when it should stay as it is.</summary>
    public static int? Target(int current, int initial, int final, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now)
    {
        var range = final - initial;
        if (range == 0) return null;
        double fraction;
        if (now <= start) fraction = 0;
        else if (now >= due || due <= start) fraction = 1;
        else fraction = (now - start).TotalSeconds / (due - start).TotalSeconds;
        var target = initial + (int)Math.Truncate(range * fraction);
        var forward = range > 0 ? target > current : target < current;
        return forward ? target : null;
    }
}
