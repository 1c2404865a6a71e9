namespace NocBoard.Tickets;

/// <summary>
/// A MIME part of a transaction's message: the text of a reply, or a file attached to it.
/// Stored in the database so that it commits (or not) with its transaction.
/// </summary>
public class Attachment
{
    public long Id { get; set; }
    public long TransactionId { get; set; }
    public string? MessageId { get; set; }
    public string? Subject { get; set; }
    public string? FileName { get; set; }
    public required string ContentType { get; set; }
    public string? Headers { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }

    public bool IsBody => FileName is null;
}
