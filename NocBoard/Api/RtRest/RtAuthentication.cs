using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Site;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Who is calling: RT's login piggy-backed on any request (<c>user</c> and <c>pass</c> fields), or
/// the session cookie from an earlier login. Passwords are checked by Identity's sign-in manager,
/// so lock-out after failed attempts and disabled accounts apply as on the login page.
/// </summary>
public sealed partial class RtAuthentication(
    UserManager<NocUser> users,
    SignInManager<NocUser> signIn,
    RtSessions sessions,
    IOptions<SiteOptions> site,
    ILogger<RtAuthentication> logger)
{
    public const string CookiePrefix = "RT_SID_";

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex NotCookieSafe();

    /// <summary>The actor, or the 401 to answer. On a login the session cookie is set on the response.</summary>
    public async Task<(Actor? Actor, RtResponse? Refusal)> AuthenticateAsync(HttpContext http, RtRequest request)
    {
        if (request["user"] is { Length: > 0 } userName)
            return await LoginAsync(http, userName, request["pass"] ?? "");

        foreach (var (name, value) in http.Request.Cookies)
        {
            if (!name.StartsWith(CookiePrefix, StringComparison.Ordinal) || sessions.Find(value) is not { } session) continue;
            var user = await users.FindByIdAsync(session.UserId.ToString());
            if (user is null || user.Disabled || user.SecurityStamp != session.SecurityStamp)
            {
                sessions.Close(session.Id);
                continue;
            }
            SetCookie(http, session);
            return (Actor.For(user), null);
        }
        return (null, RtResponse.CredentialsRequired());
    }

    public void Logout(HttpContext http)
    {
        foreach (var (name, value) in http.Request.Cookies)
            if (name.StartsWith(CookiePrefix, StringComparison.Ordinal)) sessions.Close(value);
    }

    private async Task<(Actor?, RtResponse?)> LoginAsync(HttpContext http, string userName, string password)
    {
        var refused = RtResponse.CredentialsRequired("Your username or password is incorrect");
        var user = await users.FindByNameAsync(userName);
        if (user is null) return (null, refused);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            logger.LogInformation("rt client login refused for {UserName} (locked out: {LockedOut})", userName, result.IsLockedOut);
            return (null, refused);
        }
        if (user.TwoFactorEnabled)
        {
            // A password alone must not get around the second factor the user chose.
            logger.LogInformation("rt client login refused for {UserName}: the account uses two-factor authentication", userName);
            return (null, RtResponse.CredentialsRequired(
                "This account uses two-factor authentication, which the rt client cannot do"));
        }
        var session = sessions.Open(user.Id, user.SecurityStamp);
        SetCookie(http, session);
        return (Actor.For(user), null);
    }

    /// <summary>
    /// RT's cookie, <c>RT_SID_&lt;name&gt;.&lt;port&gt;=&lt;hex&gt;</c>, re-sent on every answer as RT does.
    /// The client only keeps it when it is the first Set-Cookie header, so nothing else sets one here.
    /// </summary>
    private void SetCookie(HttpContext http, RtSession session)
    {
        var port = http.Request.Host.Port ?? (http.Request.IsHttps ? 443 : 80);
        var name = $"{CookiePrefix}{NotCookieSafe().Replace(site.Value.Name, "_")}.{port}";
        http.Response.Cookies.Append(name, session.Id, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
        });
    }
}
