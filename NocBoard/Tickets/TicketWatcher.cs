namespace NocBoard.Tickets;

/// <summary>
/// Someone interested in a ticket in a role: a known user, or a bare email address (a customer who
/// has no account yet). Exactly one of UserId and Email is set.
/// </summary>
public class TicketWatcher
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public WatcherRole Role { get; set; }
    public int? UserId { get; set; }
    public string? Email { get; set; }
}

public enum WatcherRole { Requestor, Cc, AdminCc }
