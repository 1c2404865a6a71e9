using NocBoard.Accounts.Rights;
using NocBoard.Queues;

namespace NocBoard.Admin.Lifecycles;

/// <summary>A lifecycle as an administrator edits it: statuses, the moves between them, and the defaults.</summary>
public sealed class LifecycleForm
{
    public string? Name { get; set; }
    public List<StatusLine> Statuses { get; set; } = [];
    public List<TransitionLine> Transitions { get; set; } = [];
    public string? DefaultOnCreate { get; set; }
    public string? OnStaffCorrespond { get; set; }
    public string? OnMerge { get; set; }

    public static LifecycleForm From(Lifecycle l) => new()
    {
        Name = l.Name,
        Statuses = l.Statuses.Select(s => new StatusLine { Name = s.Name, Group = s.Group }).ToList(),
        Transitions = l.Transitions.Select(t => new TransitionLine { From = t.From, To = t.To, Right = t.Right }).ToList(),
        DefaultOnCreate = l.DefaultOnCreate,
        OnStaffCorrespond = l.OnStaffCorrespond,
        OnMerge = l.OnMerge,
    };
}

public sealed class StatusLine
{
    public string? Name { get; set; }
    public StatusGroup Group { get; set; } = StatusGroup.Active;
}

public sealed class TransitionLine
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string Right { get; set; } = Accounts.Rights.Right.ModifyTicket;
}

public sealed record LifecycleSummary(int Id, string Name, IReadOnlyList<string> Statuses, IReadOnlyList<string> Queues);

public sealed record LifecycleDetails(int Id, LifecycleForm Form, IReadOnlyList<string> Queues);

/// <summary>The rights a transition can require: those that apply to tickets (queue rights).</summary>
public static class TransitionRights
{
    public static IReadOnlyList<RightDefinition> All { get; } = Accounts.Rights.Right.All.Where(r => r.Scope == RightScope.Queue).ToList();
}
