using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>Wall displays: token sign-in, the wall screen policy, and keeping displays out of everything else.</summary>
public static class WallDisplaysFeature
{
    public static WebApplicationBuilder AddWallDisplays(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<WallTokens>();
        services.AddSingleton<WallDisplaySignal>();
        services.AddSingleton<IAuthorizationHandler, WallScreenHandler>();
        services.Configure<AuthorizationOptions>(o => o.AddWallScreenPolicies());
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => WallLogin.TryRedirectToWallLogin(context) ? Task.CompletedTask : toLogin(context);
            o.Events.OnRedirectToAccessDenied = context => WallLogin.TryRedirectToWallLogin(context) ? Task.CompletedTask : toDenied(context);
        });
        return builder;
    }

    public static WebApplication MapWallDisplays(this WebApplication app)
    {
        app.MapWallLogin();
        return app;
    }
}
