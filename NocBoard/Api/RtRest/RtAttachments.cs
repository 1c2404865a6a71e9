using System.Globalization;
using System.Text;
using NocBoard.Tickets;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>ticket/42/attachments</c> (the list), <c>ticket/42/attachments/7</c> (one attachment's
/// metadata and text) and <c>ticket/42/attachments/7/content</c> (its bytes, raw). Only the
/// attachments of the history the caller may read are reachable: a hidden ticket "does not
/// exist", and a comment's files are unknown to those who may not see comments. Unlike RT, an
/// attachment of another ticket is not served through this ticket's number.
/// </summary>
public sealed class RtAttachments(TicketReader reader)
{
    /// <summary>The forms for the list or one attachment's metadata.</summary>
    public async Task<RtForm> ShowAsync(int ticketId, string[] args, RtCaller caller, CancellationToken ct)
    {
        var (visible, missing) = await VisibleAsync(ticketId, caller, ct);
        if (visible is null) return missing!;
        if (args.Length == 0)
        {
            return new RtForm()
                .Add("id", $"ticket/{ticketId}/attachments")
                .Add("Attachments", string.Join(",\n", visible.Select(v =>
                    $"{v.Attachment.Id}: {Name(v.Attachment)} ({v.Attachment.ContentType} / {Size(v.Attachment.Size)})")));
        }
        if (args.Length != 1) return new RtForm().Comment($"Unsupported object: ticket/{ticketId}/attachments/{string.Join('/', args)}");
        var (found, error) = Find(visible, args[0]);
        if (found is null) return error!;
        var (a, t) = found.Value;
        return new RtForm()
            .Add("id", a.Id.ToString(CultureInfo.InvariantCulture))
            .Add("Subject", a.Subject ?? "")
            .Add("Creator", t.ActorId.ToString(CultureInfo.InvariantCulture))
            .Add("Created", RtValues.Iso(t.Created))
            .Add("Transaction", t.Id.ToString(CultureInfo.InvariantCulture))
            .Add("Parent", "0")
            .Add("MessageId", a.MessageId ?? "")
            .Add("Filename", a.FileName ?? "")
            .Add("ContentType", a.ContentType)
            .Add("ContentEncoding", "none")
            .Add("Headers", Headers(a))
            // Bytes that are not text are fetched with /content; a form holds only text.
            .Add("Content", IsText(a) ? Encoding.UTF8.GetString(a.Content).ReplaceLineEndings("\n").TrimEnd('\n') : "");
    }

    /// <summary>
    /// The bytes after the status line, as RT sends them: a non-text attachment under its own
    /// content type, which tells the client to write it unchanged (it drops the final newline RT adds).
    /// </summary>
    public async Task<RtResponse> ContentAsync(int ticketId, string attachmentId, RtCaller caller, CancellationToken ct)
    {
        var (visible, missing) = await VisibleAsync(ticketId, caller, ct);
        if (visible is null) return RtResponse.Ok(RtFormText.Compose([missing!]));
        var (found, error) = Find(visible, attachmentId);
        if (found is null) return RtResponse.Ok(RtFormText.Compose([error!]));
        var a = found.Value.Attachment;
        return RtResponse.Raw(a.Content, IsText(a) ? null : a.ContentType);
    }

    private async Task<(IReadOnlyList<(Attachment Attachment, TicketTransaction Transaction)>? Visible, RtForm? Missing)> VisibleAsync(
        int ticketId, RtCaller caller, CancellationToken ct)
    {
        var history = await reader.HistoryAsync(ticketId, caller.Actor, ct);
        if (history is null) return (null, new RtForm().Comment($"Ticket {ticketId} does not exist."));
        return (history.SelectMany(t => t.Attachments.OrderBy(a => a.Id).Select(a => (a, t))).ToList(), null);
    }

    private static ((Attachment Attachment, TicketTransaction Transaction)? Found, RtForm? Error) Find(
        IReadOnlyList<(Attachment Attachment, TicketTransaction Transaction)> visible, string attachmentId)
    {
        if (!long.TryParse(attachmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return (null, new RtForm().Comment($"Invalid attachment id: {attachmentId}"));
        foreach (var v in visible)
            if (v.Attachment.Id == id) return (v, null);
        return (null, new RtForm().Comment($"Invalid attachment id: {attachmentId}"));
    }

    private static bool IsText(Attachment a) => a.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    private static string Name(Attachment a) => string.IsNullOrEmpty(a.FileName) ? "(Unnamed)" : a.FileName;

    private static string Headers(Attachment a)
    {
        if (!string.IsNullOrWhiteSpace(a.Headers)) return a.Headers.ReplaceLineEndings("\n").TrimEnd('\n');
        var headers = $"Content-Type: {a.ContentType}";
        if (a.FileName is not null) headers += $"\nContent-Disposition: attachment; filename=\"{a.FileName}\"";
        return headers;
    }

    /// <summary>RT's size: bytes up to 1024, then kilobytes with one decimal, truncated.</summary>
    private static string Size(long bytes) => bytes > 1024
        ? (Math.Floor(bytes / 102.4) / 10).ToString(CultureInfo.InvariantCulture) + "k"
        : $"{bytes}b";
}
