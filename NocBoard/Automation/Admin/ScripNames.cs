using System.Text.RegularExpressions;
using NocBoard.Automation.Scrips;

namespace NocBoard.Automation.Admin;

/// <summary>Conditions and actions as RT's screens name them ("On Status Change", "Notify AdminCcs").</summary>
public static partial class ScripNames
{
    public static string Of(ScripCondition condition) => condition == ScripCondition.UserDefined ? "User Defined" : Words(condition.ToString());

    public static string Of(ScripAction action) => Words(action.ToString()).Replace("Admin Ccs", "AdminCcs");

    /// <summary>What the argument field means for a condition, or null when it takes none.</summary>
    public static string? ArgumentHelp(ScripCondition condition) => condition switch
    {
        ScripCondition.OnStatusChange => "optional: from->to, e.g. open->stalled, ->stalled or open->",
        ScripCondition.OnPriorityChange => "optional: a threshold; fires when the priority rises to or past it",
        ScripCondition.OnCustomFieldChange => "optional: the custom field's name",
        ScripCondition.UserDefined => "e.g. type = 'Status' AND new = 'stalled' AND ticket.priority >= 50",
        _ => null,
    };

    public static string? ArgumentHelp(ScripAction action) => action switch
    {
        ScripAction.NotifyOtherRecipients => "email addresses, separated by commas",
        ScripAction.NotifyGroup => "the group's name",
        ScripAction.SetStatus => "the status, e.g. open",
        ScripAction.SetOwner => "a user name, or Nobody",
        ScripAction.SetPriority => "a number",
        ScripAction.SetQueue => "the queue's name",
        ScripAction.AddWatcher => "Role: user or address, e.g. AdminCc: alice",
        ScripAction.CreateLinkedTicket => "queue name; link kind (default RefersTo), e.g. Maintenance; DependsOn",
        ScripAction.CallWebhook => "the URL to POST to",
        _ => null,
    };

    private static string Words(string name) => SpaceRegex().Replace(name, " $1").Trim();

    [GeneratedRegex("(?<!^)(?<![A-Z])([A-Z])")]
    private static partial Regex SpaceRegex();
}
