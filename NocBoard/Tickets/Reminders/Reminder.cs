namespace NocBoard.Tickets.Reminders;

/// <summary>A small dated to-do on a ticket, owned by one user ("call the carrier back at 14:00").</summary>
public class Reminder
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public required string Subject { get; set; }
    public int OwnerId { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Completed { get; set; }

    public bool IsOpen => Completed is null;
}
