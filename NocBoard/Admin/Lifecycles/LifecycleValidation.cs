using NocBoard.Queues;

namespace NocBoard.Admin.Lifecycles;

/// <summary>Turns a <see cref="LifecycleForm"/> into a lifecycle, or refuses it naming what is wrong.</summary>
internal static class LifecycleValidation
{
    public const int MaxStatusLength = 64; // Ticket.Status's column

    /// <summary>Copies the validated form onto <paramref name="lifecycle"/> (its name is checked for uniqueness by the caller).</summary>
    public static void Apply(LifecycleForm form, Lifecycle lifecycle)
    {
        lifecycle.Name = AdminInput.Name(form.Name, "A lifecycle");

        var statuses = new List<LifecycleStatus>();
        foreach (var line in form.Statuses)
        {
            var name = line.Name?.Trim() ?? "";
            if (name.Length == 0) throw Refuse.Invalid("Every status needs a name.", "Statuses");
            if (name.Length > MaxStatusLength) throw Refuse.Invalid($"Status '{name[..20]}…' is longer than {MaxStatusLength} characters.", "Statuses");
            if (!Enum.IsDefined(line.Group)) throw Refuse.Invalid($"Status '{name}' has no group.", "Statuses");
            if (statuses.Any(s => Same(s.Name, name))) throw Refuse.Invalid($"Status '{name}' is listed twice.", "Statuses");
            statuses.Add(new LifecycleStatus { Name = name, Group = line.Group });
        }
        if (statuses.All(s => s.Group != StatusGroup.Initial))
            throw Refuse.Invalid("A lifecycle needs at least one initial status, where tickets start.", "Statuses");
        if (statuses.All(s => s.Group != StatusGroup.Inactive))
            throw Refuse.Invalid("A lifecycle needs at least one inactive status, where tickets end.", "Statuses");
        lifecycle.Statuses = statuses;

        var transitions = new List<LifecycleTransition>();
        foreach (var line in form.Transitions)
        {
            var from = Existing(lifecycle, line.From, $"A transition from '{line.From}'", "Transitions");
            var to = Existing(lifecycle, line.To, $"A transition to '{line.To}'", "Transitions");
            if (from == to) throw Refuse.Invalid($"A transition from '{from}' to itself is no move.", "Transitions");
            if (transitions.Any(t => t.From == from && t.To == to)) throw Refuse.Invalid($"Transition {from} → {to} is listed twice.", "Transitions");
            if (TransitionRights.All.All(r => r.Name != line.Right))
                throw Refuse.Invalid($"Transition {from} → {to} needs '{line.Right}', which is not a right on tickets.", "Transitions");
            transitions.Add(new LifecycleTransition { From = from, To = to, Right = line.Right });
        }
        lifecycle.Transitions = transitions;

        var onCreate = Existing(lifecycle, form.DefaultOnCreate, "Default status on create", "DefaultOnCreate");
        if (lifecycle.IsInactive(onCreate))
            throw Refuse.Invalid($"Default status on create: '{onCreate}' is inactive; new tickets start initial or active.", "DefaultOnCreate");
        lifecycle.DefaultOnCreate = onCreate;
        lifecycle.OnStaffCorrespond = string.IsNullOrWhiteSpace(form.OnStaffCorrespond)
            ? null
            : Existing(lifecycle, form.OnStaffCorrespond, "Status on staff reply", "OnStaffCorrespond");
        var onMerge = Existing(lifecycle, form.OnMerge, "Status on merge", "OnMerge");
        if (!lifecycle.IsInactive(onMerge))
            throw Refuse.Invalid($"Status on merge: '{onMerge}' is not inactive; a merged-away ticket is done.", "OnMerge");
        lifecycle.OnMerge = onMerge;
    }

    /// <summary>The status as the lifecycle spells it, or a refusal naming <paramref name="what"/>.</summary>
    private static string Existing(Lifecycle lifecycle, string? status, string what, string field)
    {
        var trimmed = status?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw Refuse.Invalid($"{what}: choose a status.", field);
        return lifecycle.Find(trimmed)?.Name
               ?? throw Refuse.Invalid($"{what}: '{trimmed}' is not a status of this lifecycle.", field);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
