namespace NocBoard.Tickets.Bookmarks;

/// <summary>A ticket a user starred to find again. Personal, so not part of the ticket's history.</summary>
public class Bookmark
{
    public int UserId { get; set; }
    public int TicketId { get; set; }
    public DateTimeOffset Created { get; set; }
}
