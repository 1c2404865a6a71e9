using System.Globalization;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// Whether a scrip's condition holds for one transaction. Each condition names exactly the
/// transaction types it means, so new kinds of history (alert repeats, reminders) fire only
/// On Transaction and User Defined scrips that ask for them.
/// </summary>
public static class ScripConditions
{
    private static readonly TransactionType[] OwnerChanges =
        [TransactionType.Take, TransactionType.Untake, TransactionType.Steal, TransactionType.Give];

    /// <summary>
    /// Whether the condition could hold for a transaction of this type at all (what its argument
    /// and the ticket say is decided later), so a change no scrip can fire on queues no scrip run.
    /// </summary>
    public static bool CanMatch(ScripCondition condition, TransactionType type, string? field) => condition switch
    {
        ScripCondition.OnTransaction or ScripCondition.UserDefined => true,
        ScripCondition.OnCreate => type == TransactionType.Create,
        ScripCondition.OnCorrespond => type == TransactionType.Correspond,
        ScripCondition.OnComment => type == TransactionType.Comment,
        ScripCondition.OnStatusChange or ScripCondition.OnResolve or ScripCondition.OnReopen => type == TransactionType.Status,
        ScripCondition.OnOwnerChange => OwnerChanges.Contains(type),
        ScripCondition.OnQueueChange => type == TransactionType.Set && field == "Queue",
        ScripCondition.OnPriorityChange => type == TransactionType.Set && field == "Priority",
        ScripCondition.OnDuePassed => type == TransactionType.DuePassed,
        ScripCondition.OnCustomFieldChange => type == TransactionType.CustomField,
        _ => false,
    };

    /// <param name="values">The names of <see cref="ScripExpression"/> with this transaction's and ticket's values.</param>
    public static bool Matches(ScripCondition condition, string? argument, TicketTransaction t, Lifecycle lifecycle,
        Func<IReadOnlyDictionary<string, string?>> values) => condition switch
    {
        ScripCondition.OnCreate => t.Type == TransactionType.Create,
        ScripCondition.OnTransaction => true,
        ScripCondition.OnCorrespond => t.Type == TransactionType.Correspond,
        ScripCondition.OnComment => t.Type == TransactionType.Comment,
        ScripCondition.OnStatusChange => t.Type == TransactionType.Status && StatusMatches(argument, t.OldValue, t.NewValue),
        ScripCondition.OnResolve => t.Type == TransactionType.Status && t.NewValue == "resolved",
        ScripCondition.OnReopen => t.Type == TransactionType.Status && t.OldValue is { } from && t.NewValue is { } to
                                   && lifecycle.IsInactive(from) && !lifecycle.IsInactive(to),
        ScripCondition.OnOwnerChange => OwnerChanges.Contains(t.Type),
        ScripCondition.OnQueueChange => t.Type == TransactionType.Set && t.Field == "Queue",
        ScripCondition.OnPriorityChange => t.Type == TransactionType.Set && t.Field == "Priority" && PriorityCrosses(argument, t.OldValue, t.NewValue),
        ScripCondition.OnDuePassed => t.Type == TransactionType.DuePassed,
        ScripCondition.OnCustomFieldChange => t.Type == TransactionType.CustomField
                                              && (string.IsNullOrWhiteSpace(argument) || string.Equals(t.Field, argument.Trim(), StringComparison.OrdinalIgnoreCase)),
        ScripCondition.UserDefined => ScripExpression.Parse(argument).Evaluate(values()),
        _ => false,
    };

    /// <summary>"open->stalled", "->stalled" (to), "open->" (from), or just "stalled" (to); empty: any change.</summary>
    public static bool StatusMatches(string? argument, string? from, string? to)
    {
        if (string.IsNullOrWhiteSpace(argument)) return true;
        var parts = argument.Split("->", 2);
        var wantFrom = parts.Length == 2 ? parts[0].Trim() : "";
        var wantTo = (parts.Length == 2 ? parts[1] : parts[0]).Trim();
        return (wantFrom.Length == 0 || string.Equals(wantFrom, from, StringComparison.OrdinalIgnoreCase))
               && (wantTo.Length == 0 || string.Equals(wantTo, to, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>With a threshold: the priority rose to or past it in this change. Without: any priority change.</summary>
    public static bool PriorityCrosses(string? argument, string? oldValue, string? newValue)
    {
        if (string.IsNullOrWhiteSpace(argument)) return true;
        if (!int.TryParse(argument.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold))
            throw new FormatException($"On Priority Change takes a whole-number threshold, not '{argument}'.");
        return int.TryParse(oldValue, out var before) && int.TryParse(newValue, out var after) && before < threshold && after >= threshold;
    }

    /// <summary>Null when the argument suits the condition; otherwise what is wrong (checked when a scrip is saved).</summary>
    public static string? Check(ScripCondition condition, string? argument)
    {
        try
        {
            switch (condition)
            {
                case ScripCondition.UserDefined:
                    if (string.IsNullOrWhiteSpace(argument)) return "A User Defined condition needs an expression, e.g. type = 'Status' AND new = 'stalled'.";
                    ScripExpression.Parse(argument);
                    break;
                case ScripCondition.OnPriorityChange:
                    PriorityCrosses(argument, "0", "0");
                    break;
            }
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
