namespace NocBoard.Tickets;

/// <summary>
/// A directed relation between two tickets. Only the base direction is stored; the reverse names
/// (DependedOnBy, ReferredToBy, Members) are the same rows read from the other end.
/// </summary>
public class TicketLink
{
    public long Id { get; set; }
    public LinkType Type { get; set; }
    public int BaseId { get; set; }

    /// <summary>The local target ticket, or null for a remote one (see <see cref="TargetUri"/>).</summary>
    public int? TargetId { get; set; }

    /// <summary>A ticket elsewhere, e.g. a peer NOC's, as a URI.</summary>
    public string? TargetUri { get; set; }
}

public enum LinkType
{
    /// <summary>Base cannot be resolved until Target is.</summary>
    DependsOn,
    RefersTo,
    /// <summary>Base is a child of Target.</summary>
    MemberOf,
    MergedInto,
}
