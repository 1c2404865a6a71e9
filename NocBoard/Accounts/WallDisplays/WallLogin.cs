using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>
/// A wall display signs in by opening <c>/wall/login?token=SECRET&amp;to=wall/3?rotate=3,5</c>, or any
/// wall URL with <c>?token=SECRET</c> added. That sets the site's ordinary sign-in cookie for the
/// display's account, valid until the token expires, and sends the screen on to the wall without the
/// secret in its address: when the page later reloads itself (after a server restart) the cookie
/// is what gets it back in.
/// </summary>
public static class WallLogin
{
    /// <summary>Without an expiry the cookie lasts a year, renewed at every sign-in with the token.</summary>
    private static readonly TimeSpan LongestCookie = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapWallLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WallDisplay.LoginPath, async (HttpContext http, string? token, string? to,
            WallTokens tokens, SignInManager<NocUser> signIn, TimeProvider clock) =>
        {
            var wall = await tokens.ValidBySecretAsync(token, http.RequestAborted);
            var user = wall is null ? null : await signIn.UserManager.FindByIdAsync(wall.UserId.ToString());
            if (wall is null || user is null || user.Disabled)
                return Results.Text("This wall token is unknown, revoked or expired. Ask an administrator for a new one (Admin → Wall displays).",
                    statusCode: StatusCodes.Status401Unauthorized);

            var now = clock.GetUtcNow();
            await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties
            {
                IsPersistent = true,
                AllowRefresh = false,
                ExpiresUtc = wall.Expires is { } expires && expires - now < LongestCookie ? expires : now + LongestCookie,
            }, []);
            return Results.Redirect(http.Request.PathBase + "/" + WallTarget(to));
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>Only wall pages of this site; anything else goes to the default wall.</summary>
    internal static string WallTarget(string? to)
    {
        var target = (to ?? "").TrimStart('/');
        var path = target.Split('?', 2)[0];
        return (path == "wall" || path.StartsWith("wall/", StringComparison.Ordinal)) && !target.Contains("//") && !target.Contains('\\')
            && path != WallDisplay.LoginPath.TrimStart('/')
            ? target
            : "wall";
    }

    /// <summary>
    /// A wall URL that carries a token but arrives without a usable cookie is sent to the token
    /// login instead of the people's login page.
    /// </summary>
    internal static bool TryRedirectToWallLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/wall") || !request.Query.TryGetValue("token", out var token) || string.IsNullOrEmpty(token))
            return false;
        var rest = request.Query.Where(q => q.Key != "token").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        var to = QueryHelpers.AddQueryString(request.Path.Value!.TrimStart('/'), rest);
        context.Response.Redirect(QueryHelpers.AddQueryString(request.PathBase + WallDisplay.LoginPath,
            new Dictionary<string, string?> { ["token"] = token.ToString(), ["to"] = to }));
        return true;
    }
}
