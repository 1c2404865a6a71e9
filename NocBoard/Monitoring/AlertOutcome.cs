namespace NocBoard.Monitoring;

/// <summary>What an alert did: which ticket, and how (created, repeat, recovered, reopened, ignored...).</summary>
public sealed record AlertOutcome(string Key, string Action, int? TicketId, string? Note = null);

/// <summary>What a card shows about an alert ticket.</summary>
public sealed record AlertBadge(string Source, string Key, AlertState State, int Count, DateTimeOffset LastSeen, bool Flapping)
{
    public bool IsProblem => State == AlertState.Problem;
}
