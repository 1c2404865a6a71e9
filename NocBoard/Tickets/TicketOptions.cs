namespace NocBoard.Tickets;

/// <summary>Settings under "Tickets".</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Largest single attachment accepted, in bytes (default 10 MiB).</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public int MinPriority { get; set; }
    public int MaxPriority { get; set; } = 100;
}
