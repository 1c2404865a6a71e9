namespace NocBoard.Board;

/// <summary>How cards are grouped into horizontal lanes across the columns.</summary>
public enum Swimlanes { None, Queue, Owner, PriorityBand }

/// <summary>
/// A saved kanban board: which tickets (a TicketSQL filter, e.g. "Queue = 'Outages'"), which
/// statuses as columns, how cards are laned, and a WIP limit per column. Personal (an owner) or shared.
/// </summary>
public class BoardDefinition
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>TicketSQL selecting the tickets; empty: every ticket the viewer may see.</summary>
    public string Query { get; set; } = "";

    /// <summary>Statuses shown as columns, in order; empty: the lifecycles' active statuses plus resolved.</summary>
    public List<string> Columns { get; set; } = [];

    public Swimlanes Swimlanes { get; set; }

    /// <summary>Work-in-progress limits by status; a column over its limit is highlighted.</summary>
    public Dictionary<string, int> WipLimits { get; set; } = [];

    /// <summary>The user whose personal board this is; null for a shared board.</summary>
    public int? OwnerId { get; set; }

    public int CreatorId { get; set; }
    public DateTimeOffset Created { get; set; }
}
