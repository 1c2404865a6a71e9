namespace NocBoard.Automation.Due;

/// <summary>
/// A queue's service level: new tickets are due <see cref="DueInHours"/> after creation, counted
/// in business hours when those are set (skipping weekends and holidays), and whether tickets
/// without a due date escalate in priority.
/// </summary>
public class QueueSla
{
    public int QueueId { get; set; }

    /// <summary>Null: no due date is set on create (the queue's DefaultDueInDays still applies).</summary>
    public int? DueInHours { get; set; }

    /// <summary>Start and end of the working day ("08:00", "18:00") in <see cref="TimeZone"/>; null: the clock runs around the clock.</summary>
    public TimeOnly? BusinessStart { get; set; }
    public TimeOnly? BusinessEnd { get; set; }

    /// <summary>Working days, e.g. "Mon,Tue,Wed,Thu,Fri".</summary>
    public string BusinessDays { get; set; } = "Mon,Tue,Wed,Thu,Fri";

    /// <summary>Dates that are not working days, "2026-12-25,2026-12-26".</summary>
    public string? Holidays { get; set; }

    /// <summary>IANA zone of the business hours; null: Site:TimeZone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Tickets without a due date escalate as if due this many days after they were created; null: they do not escalate.</summary>
    public int? EscalateWithoutDueDays { get; set; }
}
