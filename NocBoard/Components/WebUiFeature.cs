using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;

namespace NocBoard.Components;

public static class WebUiFeature
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Serves package assets (MudBlazor's _content/) from a build in any environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UseWebUiPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Other sites may not frame NocBoard's pages (clickjacking a "resolve" or "give" button).
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            return next(context);
        });
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            // A post whose antiforgery token failed is answered with a plain 400. Re-executing it
            // for the status code page would validate the same form again, which throws, and turn
            // the 400 into a 500 (seen on /Account/Logout posted without a token).
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        // Without compression on the circuits' WebSockets: each one kept a deflate state of about a
        // quarter of a megabyte for as long as its page was open (a wall screen: weeks), more than
        // the board it shows. Pages travel over the NOC's own network, where the bytes saved are
        // worth less. Compression also brought Blazor's frame-ancestors policy; the pipeline sets
        // that itself (UseWebUiPipeline).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        return app;
    }
}
