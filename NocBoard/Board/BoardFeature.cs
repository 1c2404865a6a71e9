using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Board.Hub;

namespace NocBoard.Board;

public static class BoardFeature
{
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        builder.AddWallDisplays();
        builder.Services.AddScoped<BoardService>();
        builder.Services.AddScoped<BoardDirectory>();
        builder.Services.AddSingleton<PrerenderedBoards>();
        builder.Services.AddSingleton<Pages.SharedCardMarkup>();
        builder.Services.AddSingleton<SharedBoardCards>();

        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BoardHubRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardHubRelay>());
        // A script connecting to the hub without (or with a stale) cookie is answered 401, and a
        // signed-in requestor 403, instead of being redirected to the login page.
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => IsHub(context.Request) ? Status(context, 401) : toLogin(context);
            o.Events.OnRedirectToAccessDenied = context => IsHub(context.Request) ? Status(context, 403) : toDenied(context);
        });
        return builder;
    }

    public static WebApplication MapBoard(this WebApplication app)
    {
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapWallDisplays();
        return app;
    }

    private static bool IsHub(HttpRequest request) => request.Path.StartsWithSegments(BoardHub.Path);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
