using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Operations;

public static class HealthFeature
{
    /// <summary>
    /// /healthz for load balancers and wall-screen watchdogs: 200 "ok" once start-up finished and the
    /// database answers, 503 with the reason otherwise. Anonymous, and it reveals nothing else.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (DatabaseReadiness readiness, NocDbContext db, CancellationToken ct) =>
        {
            if (!readiness.IsReady)
                return Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable);
            try
            {
                return await db.Database.CanConnectAsync(ct)
                    ? Results.Text("ok")
                    : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception)
            {
                return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return app;
    }
}
