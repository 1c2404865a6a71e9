using System.ComponentModel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Api.Json;

namespace NocBoard.Api.Tokens;

public sealed record NewTokenInput(
    [property: Description("What the token is for, to tell it apart later.")] string Name,
    [property: Description("When it stops working; null: never.")] DateTimeOffset? Expires = null,
    [property: Description("Refuse every write made with it.")] bool ReadOnly = false,
    [property: Description("Whose token; default yourself. Another user's needs AdminUsers.")] int? UserId = null);

/// <summary>The secret is in this answer only; store it now.</summary>
public sealed record NewTokenView(AccessTokenInfo Token, string Secret);

public sealed record AntiforgeryView(string HeaderName, string Token);

/// <summary>/api/v1/tokens: personal access tokens, made and revoked by their owner or by AdminUsers.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");

        tokens.MapGet("/", async Task<Results<Ok<IReadOnlyList<AccessTokenInfo>>, ProblemHttpResult>> (HttpContext http, AccessTokens service, int? userId) =>
            {
                try
                {
                    return TypedResults.Ok(await service.ListAsync(http.Actor(), userId ?? http.Actor().Id, http.RequestAborted));
                }
                catch (UnauthorizedAccessException e)
                {
                    return ApiProblems.Problem(403, "Forbidden", e.Message);
                }
            })
            .WithName("ListTokens").WithSummary("Your tokens (another user's with AdminUsers); secrets are never shown again");

        tokens.MapPost("/", (HttpContext http, AccessTokens service) => AdminResults.WithBody<NewTokenInput, Created<NewTokenView>>(http, async input =>
            {
                try
                {
                    var made = await service.CreateAsync(http.Actor(), input.UserId ?? http.Actor().Id, input.Name, input.Expires, input.ReadOnly, http.RequestAborted);
                    return TypedResults.Created($"/api/v1/tokens/{made.Token.Id}", new NewTokenView(made.Token, made.Secret));
                }
                catch (UnauthorizedAccessException e)
                {
                    return ApiProblems.Problem(403, "Forbidden", e.Message);
                }
                catch (ArgumentException e)
                {
                    return ApiProblems.Problem(422, "The token was refused", e.Message.Split(" (Parameter", 2)[0], e.ParamName);
                }
            }))
            .WithName("CreateToken").WithSummary("Make a personal access token").Accepts<NewTokenInput>("application/json");

        tokens.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, HttpContext http, AccessTokens service) =>
                await service.RevokeAsync(http.Actor(), id, http.RequestAborted)
                    ? TypedResults.NoContent()
                    : ApiProblems.Problem(404, "Not found", $"There is no token #{id} of yours."))
            .WithName("RevokeToken").WithSummary("Revoke a token; it stops working at once");

        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryView(tokens.HeaderName!, tokens.RequestToken!));
            })
            .WithTags("Tokens").WithName("GetAntiforgeryToken")
            .WithSummary("For pages calling the API with the browser's cookie: send this token in the named header on writes");
    }
}
