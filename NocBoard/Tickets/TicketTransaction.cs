namespace NocBoard.Tickets;

/// <summary>
/// One entry of a ticket's history, append-only: what changed, from what, to what, by whom, when.
/// Correspondence and comments carry their message as <see cref="Attachment"/>s.
/// </summary>
public class TicketTransaction
{
    public long Id { get; set; }

    /// <summary>The ticket this happened on (kept after a merge; history follows EffectiveId).</summary>
    public int TicketId { get; set; }

    public TransactionType Type { get; set; }

    /// <summary>For Set/CustomField/AddWatcher...: which field, role or custom field.</summary>
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    public int ActorId { get; set; }
    public DateTimeOffset Created { get; set; }

    /// <summary>Minutes of work this transaction records.</summary>
    public int TimeTaken { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>The kinds of history entry, named as in RT.</summary>
public enum TransactionType
{
    Create,
    Correspond,
    Comment,
    Status,
    Set,
    Take,
    Untake,
    Steal,
    Give,
    SetWatcher,
    AddWatcher,
    DelWatcher,
    AddLink,
    DeleteLink,
    CustomField,
    TimeWorked,
    Merge,
    Split,
    AddReminder,
    ResolveReminder,

    /// <summary>
    /// A monitoring alert on an alert ticket (a repeat, a recovery with its outage duration,
    /// flapping, downtime); Field says which. Its own type so that notifications do not fire per alert.
    /// </summary>
    Alert,

    /// <summary>The ticket's due date passed (recorded once per due date, by automation).</summary>
    DuePassed,

    /// <summary>A scrip failed on this ticket; shown only to those who administer its queue.</summary>
    ScripError,
}
