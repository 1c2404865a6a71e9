using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NocBoard.Admin;
using NocBoard.Tickets;

namespace NocBoard.Api.Json;

/// <summary>RFC 9457 problem details, the one error shape of the API: a title, what was wrong, and the field at fault.</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Problem(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        if (field is not null) problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult BadRequest(string title, string detail, string? field = null) =>
        Problem(StatusCodes.Status400BadRequest, title, detail, field);

    /// <summary>
    /// A refused ticket change. A ticket that may not be seen is "not found", exactly as one that
    /// does not exist. A conflict on a pinned version means the caller's If-Match was stale.
    /// </summary>
    public static ProblemHttpResult From(TicketError error, bool versionPinned = false) => error.Kind switch
    {
        TicketErrorKind.NotFound => Problem(404, "Not found", error.Message),
        TicketErrorKind.Forbidden => Problem(403, "Forbidden", error.Message),
        TicketErrorKind.Conflict when versionPinned => Problem(412, "The ticket has changed", error.Message, "If-Match"),
        TicketErrorKind.Conflict => Problem(409, "Conflict", error.Message),
        _ => Problem(422, "The change was refused", error.Message),
    };

    public static ProblemHttpResult From(AdminError error) => error.Kind switch
    {
        AdminErrorKind.NotFound => Problem(404, "Not found", error.Message, Camel(error.Field)),
        AdminErrorKind.Forbidden => Problem(403, "Forbidden", error.Message),
        _ => Problem(422, "The change was refused", error.Message, Camel(error.Field)),
    };

    public static ProblemHttpResult TicketNotFound(int id) => Problem(404, "Not found", $"There is no ticket #{id}.");

    /// <summary>Writes a problem outside an endpoint (authentication, rate limiting).</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string detail, string? field = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        if (field is not null) problem.Extensions["field"] = field;
        return http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };

    private static string? Camel(string? field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
