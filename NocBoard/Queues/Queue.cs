namespace NocBoard.Queues;

/// <summary>A queue classifies tickets ("Outages", "Customer Support", "Maintenance").</summary>
public class Queue
{
    public const string DefaultName = "General";

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>Address replies go out from and come in to; falls back to Mail:CorrespondAddress.</summary>
    public string? CorrespondAddress { get; set; }

    /// <summary>Address for internal comments; falls back to Mail:CommentAddress.</summary>
    public string? CommentAddress { get; set; }

    public int LifecycleId { get; set; }
    public Lifecycle Lifecycle { get; set; } = null!;

    /// <summary>When set, new tickets are due this many days after creation unless given a due date.</summary>
    public int? DefaultDueInDays { get; set; }

    public int InitialPriority { get; set; }
    public int FinalPriority { get; set; }

    /// <summary>Queues are disabled, never deleted: their tickets and history stay.</summary>
    public bool Disabled { get; set; }

    public List<QueueWatcher> Watchers { get; set; } = [];
}
