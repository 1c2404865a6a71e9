using NocBoard.Mail.Inbound;
using NocBoard.Monitoring.Admin;
using NocBoard.Monitoring.Mail;
using NocBoard.Monitoring.Webhooks;
using NocBoard.Operations.Jobs;

namespace NocBoard.Monitoring;

public static class MonitoringFeature
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.Section);
        services.AddSingleton<AlertKeyLocks>();
        services.AddSingleton<AlertBadges>();
        services.AddSingleton<AlertSources>();
        services.AddScoped<AlertTicketMapper>();
        services.AddScoped<AlertIntake>();
        services.AddSingleton<Tickets.ITicketWritePreloader, AlertEpisodePreloader>();
        services.AddScoped<AlertRejections>();
        services.AddScoped<MonitoringAdmin>();
        services.AddScoped<IInboundMailInterceptor, MonitoringMailInterceptor>();
        services.AddScheduledJob<AlertFlappingJob>();
        services.AddHostedService<MonitoringSeed>();
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapMonitoringWebhooks();
        return app;
    }
}
