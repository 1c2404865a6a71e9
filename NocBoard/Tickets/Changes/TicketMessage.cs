using System.Text;
using NocBoard.Tickets;

namespace NocBoard.Tickets.Changes;

/// <summary>The text of a reply, comment or creation, with any files attached to it.</summary>
public sealed record TicketMessage(string Content, string ContentType = "text/plain")
{
    public IReadOnlyList<NewAttachment> Attachments { get; init; } = [];
    public string? Subject { get; init; }

    /// <summary>Message-ID of an email this came from (threading and deduplication use it).</summary>
    public string? MessageId { get; init; }

    /// <summary>The raw header block of an email this came from.</summary>
    public string? Headers { get; init; }

    /// <summary>Minutes of work spent on this message; added to the ticket's TimeWorked.</summary>
    public int TimeTaken { get; init; }

    internal static readonly string[] BodyTypes = ["text/plain", "text/markdown", "text/html"];

    /// <summary>The attachment rows for the message: its body first, then its files, each within the size limit.</summary>
    internal List<Attachment> ToAttachments(TicketOptions options)
    {
        if (!BodyTypes.Contains(ContentType, StringComparer.OrdinalIgnoreCase))
            throw TicketChangeContext.Invalid($"A message body must be one of {string.Join(", ", BodyTypes)}, not '{ContentType}'.");
        if (TimeTaken < 0)
            throw TicketChangeContext.Invalid("Time taken cannot be negative.");

        var body = Encoding.UTF8.GetBytes(Content);
        var rows = new List<Attachment>
        {
            new()
            {
                ContentType = ContentType.ToLowerInvariant(),
                Content = body,
                Size = body.Length,
                Subject = Subject,
                MessageId = MessageId,
                Headers = Headers,
            },
        };
        foreach (var file in Attachments)
        {
            if (string.IsNullOrWhiteSpace(file.FileName))
                throw TicketChangeContext.Invalid("Every attachment needs a file name.");
            if (file.Content.LongLength > options.MaxAttachmentBytes)
                throw TicketChangeContext.Invalid(
                    $"Attachment '{file.FileName}' is {Size(file.Content.LongLength)}; the limit is {Size(options.MaxAttachmentBytes)}.");
            rows.Add(new Attachment
            {
                FileName = Path.GetFileName(file.FileName.Trim()),
                ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                Content = file.Content,
                Size = file.Content.LongLength,
            });
        }
        return rows;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024.0 / 1024.0:0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}

public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);
