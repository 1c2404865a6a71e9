namespace NocBoard.Automation;

/// <summary>Settings under "Automation": scrips, digests and escalation.</summary>
public sealed class AutomationOptions
{
    public const string Section = "Automation";

    /// <summary>How many rounds of scrips a change may set off (a scrip's change firing scrips, and so on) before the chain is cut.</summary>
    public int MaxScripDepth { get; set; } = 5;

    /// <summary>Whether the person who made a change also gets its notification (RT's NotifyActor; off by default).</summary>
    public bool NotifyActor { get; set; }

    /// <summary>Group whose members get every queue's untaken digest; empty: each queue's AdminCcs get their queue's.</summary>
    public string DigestManagersGroup { get; set; } = "";

    /// <summary>How long a ticket may sit unowned before the untaken digest lists it (0: every unowned ticket).</summary>
    public TimeSpan UntakenAfter { get; set; } = TimeSpan.Zero;

    /// <summary>How far back the reminder job looks for reminders whose time has come (older ones are left alone).</summary>
    public TimeSpan ReminderWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a webhook may take to answer before the call counts as failed (and is retried).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
