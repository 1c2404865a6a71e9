using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// The message part of a create or comment form: <c>Text</c>, <c>Content-Type</c>, and the files
/// named in <c>Attachment</c>, which the client uploads as <c>attachment_1</c>, <c>attachment_2</c>, ... in that order.
/// </summary>
public static class RtMessage
{
    /// <summary>The message, or null when there is neither text nor a file; throws <see cref="RtFieldException"/> for a listed file that was not uploaded.</summary>
    public static async Task<TicketMessage?> ReadAsync(RtForm form, IFormFileCollection files, int timeTaken, CancellationToken ct)
    {
        var text = form.Get("Text") ?? "";
        var listed = RtFormText.SplitList(form.Fields.Where(f => f.Key.Equals("Attachment", StringComparison.OrdinalIgnoreCase)).Select(f => f.Value));
        var attachments = new List<NewAttachment>();
        for (var i = 0; i < listed.Count; i++)
        {
            var file = files.GetFile($"attachment_{i + 1}") ?? throw new RtFieldException($"No attachment for {listed[i]}");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var name = string.IsNullOrWhiteSpace(file.FileName) ? Path.GetFileName(listed[i]) : file.FileName;
            attachments.Add(new NewAttachment(name, file.ContentType ?? "application/octet-stream", buffer.ToArray()));
        }
        if (text.Trim().Length == 0 && attachments.Count == 0) return null;
        var contentType = form.Get("Content-Type") is { Length: > 0 } type ? type.Trim() : "text/plain";
        return new TicketMessage(text, contentType) { Attachments = attachments, TimeTaken = timeTaken };
    }
}
