namespace NocBoard.Queues;

/// <summary>
/// The statuses a ticket can be in and the moves allowed between them, as RT's lifecycles.
/// Initial statuses are where tickets start; active ones are being worked; inactive ones are done
/// (entering one sets Resolved, leaving it clears it).
/// </summary>
public class Lifecycle
{
    public const string DefaultName = "default";

    public int Id { get; set; }
    public required string Name { get; set; }
    public List<LifecycleStatus> Statuses { get; set; } = [];
    public List<LifecycleTransition> Transitions { get; set; } = [];

    /// <summary>Status a new ticket gets when none is asked for.</summary>
    public required string DefaultOnCreate { get; set; }

    /// <summary>
    /// Where a ticket in an initial status goes when staff first correspond on it (RT: new → open).
    /// Null turns this off.
    /// </summary>
    public string? OnStaffCorrespond { get; set; }

    /// <summary>The status a merged-away ticket is left in.</summary>
    public required string OnMerge { get; set; }

    public LifecycleStatus? Find(string status) =>
        Statuses.FirstOrDefault(s => string.Equals(s.Name, status, StringComparison.OrdinalIgnoreCase));

    public bool IsValid(string status) => Find(status) is not null;

    public StatusGroup GroupOf(string status) =>
        Find(status)?.Group ?? throw new ArgumentException($"'{status}' is not a status of lifecycle '{Name}'.");

    public bool IsInactive(string status) => Find(status)?.Group == StatusGroup.Inactive;

    public IEnumerable<string> InGroup(StatusGroup group) => Statuses.Where(s => s.Group == group).Select(s => s.Name);

    /// <summary>The transition from one status to another, or null when the lifecycle forbids it.</summary>
    public LifecycleTransition? TransitionFor(string from, string to) =>
        Transitions.FirstOrDefault(t => Same(t.From, from) && Same(t.To, to));

    public IEnumerable<string> NextStatuses(string from) =>
        Transitions.Where(t => Same(t.From, from)).Select(t => t.To);

    /// <summary>The canonical spelling of a status, e.g. "Open" → "open".</summary>
    public string Canonical(string status) => Find(status)?.Name ?? status;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>RT's default lifecycle: new, open, stalled, resolved, rejected, deleted.</summary>
    public static Lifecycle CreateDefault()
    {
        var lifecycle = new Lifecycle
        {
            Name = DefaultName,
            DefaultOnCreate = "new",
            OnStaffCorrespond = "open",
            OnMerge = "resolved",
            Statuses =
            [
                new() { Name = "new", Group = StatusGroup.Initial },
                new() { Name = "open", Group = StatusGroup.Active },
                new() { Name = "stalled", Group = StatusGroup.Active },
                new() { Name = "resolved", Group = StatusGroup.Inactive },
                new() { Name = "rejected", Group = StatusGroup.Inactive },
                new() { Name = "deleted", Group = StatusGroup.Inactive },
            ],
        };
        // RT allows every move between distinct statuses; moving to deleted needs DeleteTicket.
        foreach (var from in lifecycle.Statuses)
        foreach (var to in lifecycle.Statuses)
        {
            if (from == to) continue;
            lifecycle.Transitions.Add(new LifecycleTransition
            {
                From = from.Name,
                To = to.Name,
                Right = to.Name == "deleted" ? Accounts.Rights.Right.DeleteTicket : Accounts.Rights.Right.ModifyTicket,
            });
        }
        return lifecycle;
    }
}

public enum StatusGroup { Initial, Active, Inactive }

public class LifecycleStatus
{
    public required string Name { get; set; }
    public StatusGroup Group { get; set; }
}

public class LifecycleTransition
{
    public required string From { get; set; }
    public required string To { get; set; }

    /// <summary>The right needed to make this move (ModifyTicket unless said otherwise).</summary>
    public required string Right { get; set; }
}
