using NocBoard.CustomFields;

namespace NocBoard.Tickets;

/// <summary>
/// A numbered piece of work: an outage, a complaint, a planned maintenance. Its fields are the
/// current state; how it got there is its list of <see cref="TicketTransaction"/>s. Change it only
/// through <see cref="TicketService.ApplyAsync"/>.
/// </summary>
public class Ticket
{
    /// <summary>The number people say aloud ("ticket 4711").</summary>
    public int Id { get; set; }

    /// <summary>Itself, or the ticket it was merged into.</summary>
    public int EffectiveId { get; set; }

    public int QueueId { get; set; }
    public required string Subject { get; set; }
    public required string Status { get; set; }

    /// <summary>The owner's user id; null is RT's "Nobody".</summary>
    public int? OwnerId { get; set; }

    public int Priority { get; set; }
    public int InitialPriority { get; set; }
    public int FinalPriority { get; set; }

    /// <summary>Minutes.</summary>
    public int TimeEstimated { get; set; }
    public int TimeWorked { get; set; }
    public int TimeLeft { get; set; }

    public DateTimeOffset Created { get; set; }
    public int CreatorId { get; set; }
    public DateTimeOffset? Started { get; set; }
    public DateTimeOffset? Resolved { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateTimeOffset? Starts { get; set; }

    /// <summary>When a requestor was last written to.</summary>
    public DateTimeOffset? Told { get; set; }

    public DateTimeOffset LastUpdated { get; set; }
    public int LastUpdatedById { get; set; }

    /// <summary>Bumped on every change: a change based on an older version is refused.</summary>
    public int Version { get; set; }

    public List<TicketWatcher> Watchers { get; set; } = [];
    public List<TicketCustomFieldValue> CustomFieldValues { get; set; } = [];

    public bool IsMerged => EffectiveId != Id;
}
