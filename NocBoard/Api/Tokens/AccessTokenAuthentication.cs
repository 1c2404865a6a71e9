using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NocBoard.Api.Json;

namespace NocBoard.Api.Tokens;

/// <summary>
/// The "Authorization: Bearer nbt_..." scheme. It yields an ordinary principal (the user id claim
/// Identity uses), so <see cref="Accounts.ActorLookup"/> and every policy of the app work with it.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NocBoardToken";
    public const string TokenIdClaim = "nocboard:token";
    public const string ReadOnlyClaim = "nocboard:read-only";

    private string? failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        var (found, why) = await tokens.ValidateAsync(secret, Context.RequestAborted);
        if (found is null)
        {
            failure = why;
            return AuthenticateResult.Fail(why!);
        }
        var claims = identity.Value.ClaimsIdentity;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(claims.UserIdClaimType, found.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(claims.UserNameClaimType, found.UserName),
            new Claim(TokenIdClaim, found.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ReadOnlyClaim, found.ReadOnly ? "true" : "false"),
        ], SchemeName, claims.UserNameClaimType, claims.RoleClaimType));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            failure ?? "Send a personal access token as 'Authorization: Bearer <token>', or sign in.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "You may not use this.");

    /// <summary>The bearer secret of a request, or null when it has none.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
