using Microsoft.AspNetCore.Antiforgery;
using NocBoard.Accounts;
using NocBoard.Api.Tokens;

namespace NocBoard.Api.Json;

/// <summary>
/// Runs before every API endpoint: finds the caller's <see cref="Actor"/> (a disabled or deleted
/// user is not one), refuses writes with a read-only token, and demands an antiforgery token on
/// writes that ride on the browser cookie, since a cookie is sent by any page the user visits.
/// </summary>
public sealed class ApiCaller : IEndpointFilter
{
    private const string ItemKey = "NocBoard.Api.Actor";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actors = http.RequestServices.GetRequiredService<ActorLookup>();
        var actor = await actors.ForPrincipalAsync(http.User, http.RequestAborted);
        if (actor is null)
            return ApiProblems.Problem(401, "Authentication required", "Your account is disabled or no longer exists.");
        http.Items[ItemKey] = actor;

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            if (http.User.HasClaim(AccessTokenHandler.ReadOnlyClaim, "true"))
                return ApiProblems.Problem(403, "Read-only token", "This token may only read. Make a token without 'read-only' to change things.");
            if (!http.User.HasClaim(c => c.Type == AccessTokenHandler.TokenIdClaim))
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                    return ApiProblems.Problem(400, "Antiforgery token missing or invalid",
                        "A write with the browser's cookie needs the token from GET /api/v1/antiforgery in the 'RequestVerificationToken' header; scripts should use a bearer token instead.",
                        "RequestVerificationToken");
            }
        }
        return await next(context);
    }

    /// <summary>The caller resolved by the filter.</summary>
    public static Actor Of(HttpContext http) =>
        http.Items[ItemKey] as Actor ?? throw new InvalidOperationException("The API caller filter did not run.");
}

public static class ApiCallerExtensions
{
    public static Actor Actor(this HttpContext http) => ApiCaller.Of(http);
}
