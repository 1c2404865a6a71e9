using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace NocBoard.Operations.Jobs;

public static class JobsFeature
{
    /// <summary>
    /// Hangfire with this host's own storage instance (never the process-wide JobStorage.Current,
    /// which every host in one process would share) and a server running the scheduled jobs.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        builder.Services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
        builder.Services.AddSingleton<JobActivator, HostJobActivator>();
        builder.Services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddHangfireServer((sp, server) =>
        {
            server.Activator = sp.GetRequiredService<JobActivator>();
            server.WorkerCount = Math.Max(1, sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddSingleton<ScheduledJobRunner>();
        builder.Services.AddSingleton<ScheduledJobRegistrar>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRegistrar>());
        return builder;
    }

    /// <summary>A job the app runs on a schedule; see <see cref="IScheduledJob"/>.</summary>
    public static IServiceCollection AddScheduledJob<T>(this IServiceCollection services) where T : class, IScheduledJob
    {
        services.AddScoped<T>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static WebApplication MapJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        app.MapHangfireDashboard(options.DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new SuperUserDashboardFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "NocBoard jobs",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
