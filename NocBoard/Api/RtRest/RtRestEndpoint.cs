using System.Text.RegularExpressions;
using NocBoard.Accounts.Preferences;

namespace NocBoard.Api.RtRest;

/// <summary>
/// The one endpoint behind <c>/REST/1.0/...</c>: authenticates the caller, routes the path to its
/// handler, and writes RT's answer (always HTTP 200, the outcome in the <c>RT/...</c> status line).
/// </summary>
public sealed partial class RtRestEndpoint(
    RtAuthentication authentication,
    TimeZonePreference timeZones,
    RtShow show,
    RtEdit edit,
    RtSearch search,
    RtComment comment,
    RtOwnership ownership,
    RtMerge merge,
    RtLinks links,
    ILogger<RtRestEndpoint> logger)
{
    [GeneratedRegex(@"^ticket/(\d+)/(comment|take|merge/(\d+))$", RegexOptions.IgnoreCase)]
    private static partial Regex TicketAction();

    [GeneratedRegex(@"^(ticket|user|queue)/[^/]+(/.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectPath();

    // What a form posted to an object's own URL can change: a new ticket, a ticket, its links.
    [GeneratedRegex(@"^(ticket/(?:\d+|new)(?:/links)?)(?:/edit)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WritableObjectPath();

    public async Task HandleAsync(HttpContext http, string? path)
    {
        var ct = http.RequestAborted;
        RtResponse response;
        try
        {
            response = await AnswerAsync(http, (path ?? "").Trim('/'), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "RT REST request {Path} failed", path);
            response = new RtResponse(500, "Server Error", "# The request failed; the server log has the details.");
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = response.RawContentType ?? "text/plain; charset=utf-8";
        if (response.RawContentType is not null)
        {
            // An uploaded file is never rendered in NocBoard's origin, whatever its type says.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentDisposition = "attachment";
        }
        await http.Response.Body.WriteAsync(response.ToBytes(), ct);
    }

    private async Task<RtResponse> AnswerAsync(HttpContext http, string path, CancellationToken ct)
    {
        var request = await RtRequest.ReadAsync(http.Request, ct);
        if (path.Equals("logout", StringComparison.OrdinalIgnoreCase))
        {
            authentication.Logout(http);
            return RtResponse.Ok("");
        }
        var (actor, refusal) = await authentication.AuthenticateAsync(http, request);
        if (actor is null) return refusal!;
        var caller = new RtCaller(actor, await timeZones.ForAsync(actor, ct));

        if (path.Equals("show", StringComparison.OrdinalIgnoreCase))
            return await show.ShowAsync(request.All("id"), request["format"], request.All("fields"), caller, ct);
        if (path.Equals("edit", StringComparison.OrdinalIgnoreCase))
            return await edit.EditAsync(request, caller, ct);
        if (path.Equals("search/ticket", StringComparison.OrdinalIgnoreCase))
            return await search.SearchAsync(request, caller, ct);
        if (path.StartsWith("search/", StringComparison.OrdinalIgnoreCase))
            return RtResponse.Error("Unsupported object type.");
        if (path.Equals("ticket/link", StringComparison.OrdinalIgnoreCase))
            return await links.LinkAsync(request, caller, ct);

        var action = TicketAction().Match(path);
        if (action.Success)
        {
            var id = int.Parse(action.Groups[1].Value);
            var verb = action.Groups[2].Value.ToLowerInvariant();
            if (verb == "comment") return await comment.CommentAsync(id, request, caller, ct);
            if (verb == "take") return await ownership.TakeAsync(id, request, caller, ct);
            return await merge.MergeAsync(id, int.Parse(action.Groups[3].Value), caller, ct);
        }
        // With a content field the object's own URL writes, as /edit does (curl users create so).
        if (request["content"] is not null && WritableObjectPath().Match(path) is { Success: true } writable)
            return await edit.EditObjectAsync(writable.Groups[1].Value, request, caller, ct);

        // ticket/42, ticket/42/show, ticket/42/history, user/root, ...: the object itself.
        if (ObjectPath().IsMatch(path))
        {
            var id = path.EndsWith("/show", StringComparison.OrdinalIgnoreCase) ? path[..^"/show".Length] : path;
            return await show.ShowAsync([id], request["format"], request.All("fields"), caller, ct);
        }
        return RtResponse.BadRequest($"# Invalid object ID specified: '{path}'");
    }
}
