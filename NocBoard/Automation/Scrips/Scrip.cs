namespace NocBoard.Automation.Scrips;

/// <summary>
/// RT's scrip: when <see cref="Condition"/> holds for a transaction, do <see cref="Action"/>, with
/// the message of <see cref="TemplateName"/>. Global (no queue) or for one queue; run in
/// <see cref="SortOrder"/>. Disabled, never deleted, so what ran stays explainable.
/// </summary>
public class Scrip
{
    public int Id { get; set; }
    public required string Description { get; set; }

    /// <summary>Null: every queue.</summary>
    public int? QueueId { get; set; }

    public ScripCondition Condition { get; set; }

    /// <summary>What the condition needs, e.g. "open->stalled", a priority threshold, a custom field name or an expression.</summary>
    public string? ConditionArgument { get; set; }

    public ScripAction Action { get; set; }

    /// <summary>What the action needs, e.g. a status, a user name, a queue name, addresses, a group or a URL.</summary>
    public string? ActionArgument { get; set; }

    /// <summary>Looked up by name, the queue's own template before the global one (as RT).</summary>
    public string? TemplateName { get; set; }

    public int SortOrder { get; set; }
    public bool Disabled { get; set; }

    /// <summary>For Call Webhook: the key the payload is signed with (HMAC-SHA256), protected by <see cref="Webhooks.WebhookSecrets"/>.</summary>
    public string? ProtectedWebhookSecret { get; set; }
}

/// <summary>When a scrip fires, named as RT names its conditions.</summary>
public enum ScripCondition
{
    OnCreate,
    OnTransaction,
    OnCorrespond,
    OnComment,
    OnStatusChange,
    OnResolve,
    OnReopen,
    OnOwnerChange,
    OnQueueChange,
    OnPriorityChange,
    OnDuePassed,
    OnCustomFieldChange,
    UserDefined,
}

/// <summary>What a scrip does.</summary>
public enum ScripAction
{
    NotifyRequestors,
    NotifyOwner,
    NotifyCcs,
    NotifyAdminCcs,
    NotifyRequestorsAndCcs,
    NotifyOwnerAndAdminCcs,
    NotifyAdminCcsAsComment,
    NotifyOtherRecipients,
    NotifyGroup,
    AutoreplyToRequestors,
    SetStatus,
    SetOwner,
    SetPriority,
    SetQueue,
    AddWatcher,
    AddComment,
    CreateLinkedTicket,
    CallWebhook,
}

/// <summary>That a scrip has run for a transaction, written in the same commit as its effect, so a retry never repeats it.</summary>
public class ScripRun
{
    public long Id { get; set; }
    public int ScripId { get; set; }
    public long TransactionId { get; set; }
    public DateTimeOffset Ran { get; set; }
}
