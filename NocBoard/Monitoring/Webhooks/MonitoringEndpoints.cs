using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Monitoring.Webhooks;

/// <summary>
/// POST /monitoring/alerts (generic JSON) and POST /monitoring/alertmanager (Alertmanager's webhook).
/// The bearer token (or X-NocBoard-Token header) names the source. A payload that cannot be read is
/// refused whole with problem details naming what was wrong, and kept for administrators; nothing
/// of it is applied.
/// </summary>
public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/monitoring/alerts", (HttpContext http, CancellationToken ct) =>
            HandleAsync(http, "webhook", GenericAlertPayload.Read, ct));
        app.MapPost("/monitoring/alertmanager", (HttpContext http, CancellationToken ct) =>
            HandleAsync(http, "alertmanager", AlertmanagerPayload.Read, ct));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string via, Func<string, string, IReadOnlyList<Alert>> read, CancellationToken ct)
    {
        var services = http.RequestServices;
        var source = await SourceForTokenAsync(http, services.GetRequiredService<NocDbContext>(), ct);
        if (source is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: 401, title: "Unknown token",
                detail: "Send the source's token as 'Authorization: Bearer <token>' (or the X-NocBoard-Token header). Tokens are set per source under Admin → Monitoring.");
        }

        string body;
        using (var reader = new StreamReader(http.Request.Body))
            body = await reader.ReadToEndAsync(ct);

        IReadOnlyList<Alert> alerts;
        try
        {
            alerts = read(body, source.Name);
        }
        catch (AlertPayloadException e)
        {
            var id = await services.GetRequiredService<AlertRejections>().StoreAsync(via, source.Name, e.Message, body, ct);
            return Results.Problem(statusCode: 400, title: "Alert rejected", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["rejectedAlertId"] = id });
        }

        var intake = services.GetRequiredService<AlertIntake>();
        var outcomes = new List<AlertOutcome>();
        foreach (var alert in alerts)
        {
            try
            {
                outcomes.Add(await intake.ApplyAsync(source, alert, ct, together: true));
            }
            catch (AlertRejectedException e)
            {
                var id = await services.GetRequiredService<AlertRejections>().StoreAsync(via, source.Name, $"Key '{alert.Key}': {e.Message}", body, ct);
                return Results.Problem(statusCode: 422, title: "Alert rejected", detail: $"Key '{alert.Key}': {e.Message}",
                    extensions: new Dictionary<string, object?> { ["rejectedAlertId"] = id, ["applied"] = outcomes });
            }
        }
        return Results.Ok(new { source = source.Name, alerts = outcomes });
    }

    private static async Task<AlertSource?> SourceForTokenAsync(HttpContext http, NocDbContext db, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim()
            : http.Request.Headers["X-NocBoard-Token"].ToString().Trim();
        if (token.Length == 0) return null;
        var hash = AlertSource.HashToken(token);
        var source = await http.RequestServices.GetRequiredService<AlertSources>().ByTokenHashAsync(db, hash, ct);
        return source is not null && source.Accepts(token) ? source : null;
    }
}
