using Microsoft.AspNetCore.Components.Forms;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets.Display;

/// <summary>Files picked in the browser, read into attachments for a message (the size limit is checked again in the write path).</summary>
public static class BrowserFiles
{
    /// <summary>The files within the limit, and a message naming the first one over it.</summary>
    public static (List<IBrowserFile> Accepted, string? Error) Check(IEnumerable<IBrowserFile>? files, long maxBytes)
    {
        var accepted = new List<IBrowserFile>();
        string? error = null;
        foreach (var file in files ?? [])
        {
            if (file.Size > maxBytes)
                error ??= $"'{file.Name}' is {file.Size / 1024} KiB; the limit is {maxBytes / 1024} KiB.";
            else
                accepted.Add(file);
        }
        return (accepted, error);
    }

    public static async Task<List<NewAttachment>> ReadAsync(IEnumerable<IBrowserFile> files, long maxBytes)
    {
        var attachments = new List<NewAttachment>();
        foreach (var file in files)
        {
            using var stream = new MemoryStream();
            await file.OpenReadStream(maxBytes).CopyToAsync(stream);
            attachments.Add(new NewAttachment(file.Name, file.ContentType, stream.ToArray()));
        }
        return attachments;
    }
}
