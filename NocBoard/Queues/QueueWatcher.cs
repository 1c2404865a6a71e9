using NocBoard.Tickets;

namespace NocBoard.Queues;

/// <summary>
/// A Cc or AdminCc on every ticket of a queue. The principal is a user, a group, or a bare address.
/// </summary>
public class QueueWatcher
{
    public int Id { get; set; }
    public int QueueId { get; set; }
    public WatcherRole Role { get; set; }
    public int? UserId { get; set; }
    public int? GroupId { get; set; }
    public string? Email { get; set; }
}
