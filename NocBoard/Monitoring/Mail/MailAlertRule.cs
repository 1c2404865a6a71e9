namespace NocBoard.Monitoring.Mail;

/// <summary>
/// How to read one email format as alerts, as data an administrator can edit: a regular expression
/// over the subject and any over the body (one per line, each must match), whose named groups
/// (type, host, service, severity, summary, and any others, which become labels) fill the alert.
/// A new monitoring mail format is a new rule, not new code.
/// </summary>
public class MailAlertRule
{
    public int Id { get; set; }

    /// <summary>The source the alerts belong to (its name).</summary>
    public required string SourceName { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public bool Enabled { get; set; } = true;

    public required string SubjectPattern { get; set; }

    /// <summary>Regular expressions over the text body, one per line, matched line by line (multiline mode).</summary>
    public string BodyPatterns { get; set; } = "";

    /// <summary>
    /// The alert key from the groups, e.g. "{host}/{service}". A '*' makes it a pattern for mail that
    /// does not name its check fully ("*/{summary}"): such alerts go to the newest open problem whose
    /// key matches and never open a ticket.
    /// </summary>
    public required string KeyTemplate { get; set; }

    /// <summary>The summary from the groups; default: the summary group, else the subject.</summary>
    public string SummaryTemplate { get; set; } = "";

    /// <summary>How the "type" group's values map to states: "PROBLEM=problem; RECOVERY=ok; ...".</summary>
    public required string StateMap { get; set; }
}
