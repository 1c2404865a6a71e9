using Microsoft.Extensions.Options;

namespace NocBoard.Site;

public static class SiteFeature
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:TimeZone is not a known time zone id.")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Site:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddOptions<MailAddressOptions>().BindConfiguration(MailAddressOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserClock>();
        return builder;
    }

    /// <summary>Serves the whole app (pages, assets, Blazor's connection) under Site:PathBase.</summary>
    public static WebApplication UseSitePathBase(this WebApplication app)
    {
        var pathBase = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.NormalizedPathBase;
        if (pathBase.Length > 0)
        {
            app.UsePathBase(pathBase);
            // Requests outside the path base are not NocBoard's.
            app.Use((context, next) =>
            {
                if (!context.Request.PathBase.HasValue)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        return app;
    }
}
