using NocBoard.Queues;

namespace NocBoard.Admin.Lifecycles;

/// <summary>
/// A lifecycle form while it is edited: transitions are kept against the status lines, not their
/// names, so renaming a status in the editor keeps its moves.
/// </summary>
public sealed class LifecycleEditor
{
    public string? Name { get; set; }
    public List<StatusLine> Statuses { get; } = [];
    public Dictionary<(StatusLine From, StatusLine To), string> Moves { get; } = [];
    public StatusLine? DefaultOnCreate { get; set; }
    public StatusLine? OnStaffCorrespond { get; set; }
    public StatusLine? OnMerge { get; set; }

    public static LifecycleEditor From(LifecycleForm form)
    {
        var editor = new LifecycleEditor { Name = form.Name };
        editor.Statuses.AddRange(form.Statuses.Select(s => new StatusLine { Name = s.Name, Group = s.Group }));
        StatusLine? Line(string? name) => editor.Statuses.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        foreach (var t in form.Transitions)
            if (Line(t.From) is { } from && Line(t.To) is { } to)
                editor.Moves[(from, to)] = t.Right;
        editor.DefaultOnCreate = Line(form.DefaultOnCreate);
        editor.OnStaffCorrespond = Line(form.OnStaffCorrespond);
        editor.OnMerge = Line(form.OnMerge);
        return editor;
    }

    public LifecycleForm ToForm() => new()
    {
        Name = Name,
        Statuses = Statuses.Select(s => new StatusLine { Name = s.Name, Group = s.Group }).ToList(),
        Transitions = Moves.Select(m => new TransitionLine { From = m.Key.From.Name, To = m.Key.To.Name, Right = m.Value }).ToList(),
        DefaultOnCreate = DefaultOnCreate?.Name,
        OnStaffCorrespond = OnStaffCorrespond?.Name,
        OnMerge = OnMerge?.Name,
    };

    public void Remove(StatusLine status)
    {
        Statuses.Remove(status);
        foreach (var key in Moves.Keys.Where(k => k.From == status || k.To == status).ToList()) Moves.Remove(key);
        if (DefaultOnCreate == status) DefaultOnCreate = null;
        if (OnStaffCorrespond == status) OnStaffCorrespond = null;
        if (OnMerge == status) OnMerge = null;
    }

    /// <summary>RT's default: every move allowed with ModifyTicket, moves into a "deleted" status with DeleteTicket.</summary>
    public void AllowEveryMove()
    {
        foreach (var from in Statuses)
        foreach (var to in Statuses.Where(to => to != from))
            Moves.TryAdd((from, to), string.Equals(to.Name, "deleted", StringComparison.OrdinalIgnoreCase)
                ? Accounts.Rights.Right.DeleteTicket : Accounts.Rights.Right.ModifyTicket);
    }

    public string? RightFor(StatusLine from, StatusLine to) => Moves.GetValueOrDefault((from, to));

    public void Set(StatusLine from, StatusLine to, string? right)
    {
        if (string.IsNullOrEmpty(right)) Moves.Remove((from, to));
        else Moves[(from, to)] = right;
    }

    public static string GroupName(StatusGroup group) => group.ToString().ToLowerInvariant();
}
