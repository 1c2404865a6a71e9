namespace NocBoard.Monitoring;

public enum AlertPlanKind
{
    /// <summary>A new problem: a new ticket.</summary>
    Create,
    /// <summary>A problem after the reopen window: a new ticket that refers to the old one.</summary>
    CreateReferring,
    /// <summary>To the current episode's ticket.</summary>
    Apply,
    /// <summary>Nothing to do (a recovery for a key with no open problem, an acknowledgement of a resolved ticket).</summary>
    Ignore,
}

/// <summary>The one decision of where an alert goes, made before the write and checked again inside it.</summary>
public static class AlertPlan
{
    public static AlertPlanKind Decide(AlertEpisode? current, bool ticketInactive, DateTimeOffset? resolved,
        AlertState state, TimeSpan reopenWindow, DateTimeOffset now)
    {
        if (current is null)
            return state == AlertState.Problem ? AlertPlanKind.Create : AlertPlanKind.Ignore;
        if (!ticketInactive)
            return AlertPlanKind.Apply;
        if (state != AlertState.Problem)
            return AlertPlanKind.Ignore;
        return resolved is null || now - resolved.Value <= reopenWindow ? AlertPlanKind.Apply : AlertPlanKind.CreateReferring;
    }
}
