using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using NocBoard.Api.Directory;
using NocBoard.Api.Json;
using NocBoard.Api.OpenApi;
using NocBoard.Api.RateLimits;
using NocBoard.Api.Tickets;
using NocBoard.Api.Tokens;

namespace NocBoard.Api;

/// <summary>
/// The REST JSON API at /api/v1: personal access tokens (or the browser cookie with antiforgery),
/// every ticket write through TicketService as the caller, problem details for every error, the
/// OpenAPI document, and rate limits on the API and the login form.
/// </summary>
public static class ApiFeature
{
    /// <summary>Bearer token when one is sent, else the sign-in cookie; a refusal is always a 401/403 problem, never a login redirect.</summary>
    public const string Scheme = "NocBoardApi";
    public const string Policy = "Api";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AccessTokens>();
        services.AddSingleton<AccessTokenCache>();
        services.AddScoped<TicketViewBuilder>();
        services.AddScoped<TicketWrites>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, "Token or cookie", o =>
            {
                o.ForwardDefaultSelector = http => AccessTokenHandler.BearerOf(http.Request) is null
                    ? IdentityConstants.ApplicationScheme
                    : AccessTokenHandler.SchemeName;
                o.ForwardChallenge = AccessTokenHandler.SchemeName;
                o.ForwardForbid = AccessTokenHandler.SchemeName;
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddApiDocument();
        services.AddApiRateLimits();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseApiStatusProblems();
        app.MapOpenApi("/openapi/{documentName}.json");

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .AddEndpointFilter<ApiCaller>()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapTicketEndpoints();
        api.MapSearchEndpoints();
        api.MapAttachmentEndpoint();
        api.MapQueueEndpoints();
        api.MapUserEndpoints();
        api.MapGroupEndpoints();
        api.MapRightsEndpoints();
        api.MapCustomFieldEndpoints();
        api.MapTokenEndpoints();
        return app;
    }
}
