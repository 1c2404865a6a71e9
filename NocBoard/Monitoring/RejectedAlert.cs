namespace NocBoard.Monitoring;

/// <summary>
/// An alert that could not be taken (bad JSON, a missing key, an unknown state, an unrecognised
/// mail from a monitoring sender): kept with its raw payload and the reason, for administrators.
/// </summary>
public class RejectedAlert
{
    public long Id { get; set; }
    public DateTimeOffset Received { get; set; }

    /// <summary>"webhook", "alertmanager", "mail"...</summary>
    public required string Via { get; set; }
    public string? Source { get; set; }
    public required string Reason { get; set; }
    public required string Payload { get; set; }
}
