using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NocBoard.Api.Json;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.Tickets;

/// <summary>Replies and comments, as JSON or as multipart/form-data with files.</summary>
public static class TicketMessageEndpoints
{
    public const string FilePart = "attachment";

    public static void MapTicketMessageEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id:int}/correspond", (int id, HttpContext http, TicketWrites writes, IOptions<TicketOptions> options) =>
                PostAsync(id, http, writes, options.Value, m => new Correspond(m)))
            .WithName("Correspond").WithSummary("Reply to the requestors (needs ReplyToTicket)")
            .WithDescription("JSON, or multipart/form-data with the same fields as form fields and files as parts named 'attachment'. A file over Tickets:MaxAttachmentBytes answers 413.")
            .Accepts<MessageInput>("application/json", "multipart/form-data")
            .DisableAntiforgery();

        tickets.MapPost("/{id:int}/comment", (int id, HttpContext http, TicketWrites writes, IOptions<TicketOptions> options) =>
                PostAsync(id, http, writes, options.Value, m => new Comment(m)))
            .WithName("Comment").WithSummary("Add an internal comment (needs CommentOnTicket)")
            .WithDescription("JSON, or multipart/form-data with the same fields as form fields and files as parts named 'attachment'. A file over Tickets:MaxAttachmentBytes answers 413.")
            .Accepts<MessageInput>("application/json", "multipart/form-data")
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> PostAsync(int id, HttpContext http, TicketWrites writes,
        TicketOptions options, Func<TicketMessage, TicketChange> change)
    {
        var (message, problem) = http.Request.HasFormContentType
            ? await FromFormAsync(http.Request, options)
            : await FromJsonAsync(http.Request);
        if (problem is not null) return problem;
        return await writes.ApplyAsync(http, id, [change(message!)]);
    }

    private static async Task<(TicketMessage?, ProblemHttpResult?)> FromJsonAsync(HttpRequest request)
    {
        var (input, problem) = await ApiJson.ReadAsync<MessageInput>(request);
        if (problem is not null) return (null, problem);
        return (new TicketMessage(input!.Content, input.ContentType ?? "text/plain") { Subject = input.Subject, TimeTaken = input.TimeTaken ?? 0 }, null);
    }

    private static async Task<(TicketMessage?, ProblemHttpResult?)> FromFormAsync(HttpRequest request, TicketOptions options)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.Problem(413, "Upload too large", e.Message, FilePart));
        }
        catch (InvalidDataException e)
        {
            // Multipart limits (part count, header or body length) and malformed multipart bodies.
            var tooLarge = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return (null, tooLarge
                ? ApiProblems.Problem(413, "Upload too large", e.Message, FilePart)
                : ApiProblems.BadRequest("Malformed form", e.Message));
        }

        var known = new HashSet<string>(["content", "contentType", "subject", "timeTaken"], StringComparer.OrdinalIgnoreCase);
        if (form.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            return (null, ApiProblems.BadRequest("Unknown field", $"'{unknown}' is not a field of this request; files go in parts named '{FilePart}'.", unknown));
        if (form.Files.FirstOrDefault(f => !string.Equals(f.Name, FilePart, StringComparison.OrdinalIgnoreCase)) is { } stray)
            return (null, ApiProblems.BadRequest("Unknown field", $"Files go in parts named '{FilePart}', not '{stray.Name}'.", stray.Name));
        var content = form["content"].ToString();
        if (form["content"].Count == 0)
            return (null, ApiProblems.BadRequest("Missing field", "The message needs 'content'.", "content"));
        var timeTaken = 0;
        if (form["timeTaken"].Count > 0 && !int.TryParse(form["timeTaken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out timeTaken))
            return (null, ApiProblems.BadRequest("Wrong type", $"'timeTaken' must be a whole number of minutes, not '{form["timeTaken"]}'.", "timeTaken"));

        var files = new List<NewAttachment>();
        foreach (var file in form.Files)
        {
            if (file.Length > options.MaxAttachmentBytes)
                return (null, ApiProblems.Problem(413, "Attachment too large",
                    $"'{file.FileName}' is {file.Length} bytes; the limit is {options.MaxAttachmentBytes} bytes (Tickets:MaxAttachmentBytes).", FilePart));
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            files.Add(new NewAttachment(file.FileName, file.ContentType, buffer.ToArray()));
        }
        var contentType = form["contentType"].Count > 0 ? form["contentType"].ToString() : "text/plain";
        return (new TicketMessage(content, contentType)
        {
            Subject = form["subject"].Count > 0 ? form["subject"].ToString() : null,
            TimeTaken = timeTaken,
            Attachments = files,
        }, null);
    }
}
