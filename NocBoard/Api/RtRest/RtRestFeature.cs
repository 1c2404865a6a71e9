namespace NocBoard.Api.RtRest;

/// <summary>
/// RT's REST 1.0 protocol at <c>/REST/1.0/</c>, the part the real <c>rt</c> command-line client
/// uses, so people and scripts used to RT can point it at NocBoard. Every change goes through
/// <see cref="Tickets.TicketService"/> and every search through <see cref="Search.TicketSearch"/>.
/// </summary>
public static class RtRestFeature
{
    public const string Prefix = "/REST/1.0";

    public static WebApplicationBuilder AddRtRest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RtSessions>();
        services.AddScoped<RtAuthentication>();
        services.AddScoped<RtPeople>();
        services.AddScoped<RtTicketForms>();
        services.AddScoped<RtTicketTemplate>();
        services.AddScoped<RtCustomFieldNames>();
        services.AddScoped<RtHistory>();
        services.AddScoped<RtAttachments>();
        services.AddScoped<RtLinks>();
        services.AddScoped<RtObjects>();
        services.AddScoped<RtShow>();
        services.AddScoped<RtTicketCreate>();
        services.AddScoped<RtTicketUpdate>();
        services.AddScoped<RtEdit>();
        services.AddScoped<RtSearch>();
        services.AddScoped<RtComment>();
        services.AddScoped<RtOwnership>();
        services.AddScoped<RtMerge>();
        services.AddScoped<RtRestEndpoint>();
        services.AddTransient<IStartupFilter, DoubleSlashStartupFilter>();
        return builder;
    }

    /// <summary>
    /// One catch-all route. Literal routes under the prefix that other features map (the mail
    /// gateway at <c>NoAuth/mail-gateway</c>) are more specific and win over it.
    /// </summary>
    public static WebApplication MapRtRest(this WebApplication app)
    {
        app.MapMethods(Prefix + "/{**path}", ["GET", "POST"],
                (HttpContext http, string? path, RtRestEndpoint endpoint) => endpoint.HandleAsync(http, path))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// RT's clients append <c>/REST/1.0</c> to the configured URL without trimming its slash, so
    /// <c>RTSERVER=http://noc/</c> requests <c>//REST/1.0/...</c>. Real RT accepts that; routing
    /// would not match it, so the doubled slash is folded first, before path base and routing.
    /// </summary>
    private sealed class DoubleSlashStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value;
                if (path is not null && path.Contains("//REST/1.0", StringComparison.Ordinal))
                    context.Request.Path = new PathString(path.Replace("//REST/1.0", "/REST/1.0"));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
