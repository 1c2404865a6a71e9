using Microsoft.AspNetCore.Diagnostics;

namespace NocBoard.Api.Json;

/// <summary>
/// Answers under /api that the framework ends without a body (no such route, wrong method, wrong
/// content type, a route or query value that does not bind) get a problem document too, instead
/// of the UI's status code page, which is HTML meant for people.
/// </summary>
public static class ApiStatusProblems
{
    public static WebApplication UseApiStatusProblems(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api"))
            {
                await next(http);
                return;
            }
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            await next(http);
            var status = http.Response.StatusCode;
            if (status < 400 || http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.ContentType is not null) return;
            var (title, detail) = status switch
            {
                404 => ("Not found", $"There is no API endpoint {http.Request.Path}."),
                405 => ("Method not allowed", $"{http.Request.Method} is not allowed on {http.Request.Path}."),
                415 => ("Unsupported media type", "Send the body as JSON with 'Content-Type: application/json' (replies and comments also take multipart/form-data)."),
                400 => ("Bad request", "A value in the path or query string is not of the expected type (e.g. a number, or one of the names the OpenAPI document lists)."),
                _ => ("Request failed", $"The request failed with status {status}."),
            };
            await ApiProblems.WriteAsync(http, status, title, detail, status == 415 ? "Content-Type" : null);
        });
        return app;
    }
}
