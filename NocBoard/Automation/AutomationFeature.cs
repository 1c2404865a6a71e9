using NocBoard.Components.Shared;
using NocBoard.Automation.Admin;
using NocBoard.Automation.Digests;
using NocBoard.Automation.Due;
using NocBoard.Automation.Escalation;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Automation.Webhooks;
using NocBoard.Operations.Jobs;
using NocBoard.Outbox;

namespace NocBoard.Automation;

public static class AutomationFeature
{
    /// <summary>Scrips (after every commit, through the outbox), templates, due dates, escalation and digests.</summary>
    public static WebApplicationBuilder AddAutomation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AutomationOptions>().BindConfiguration(AutomationOptions.Section);
        services.AddSingleton<TemplateRenderer>();
        services.AddScoped<TemplateDirectory>();
        services.AddSingleton<TemplateCatalog>();
        services.AddScoped<TemplateModelBuilder>();
        services.AddScoped<Recipients>();
        services.AddSingleton<QueueWatcherCatalog>();
        services.AddScoped<NotificationMail>();
        services.AddScoped<ScripMessage>();
        services.AddScoped<ScripMailActions>();
        services.AddScoped<ScripTicketActions>();
        services.AddScoped<DueDates>();
        services.AddScoped<DigestMailer>();
        services.AddScoped<AutomationSeed>();
        services.AddScoped<IOutboxContributor, ScripContributor>();
        services.AddSingleton<ScripTriggers>();
        services.AddSingleton<IOutboxHandler, ScripRunner>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<IOutboxHandler, WebhookCaller>();
        services.AddHttpClient(WebhookCaller.Kind);
        services.AddScheduledJob<EscalationJob>();
        services.AddScheduledJob<DuePassedJob>();
        services.AddScheduledJob<UntakenDigestJob>();
        services.AddScheduledJob<PersonalDigestJob>();
        services.AddScheduledJob<ReminderJob>();
        services.AddScoped<ScripAdmin>();
        services.AddScoped<TemplateAdmin>();
        services.AddScoped<JobsAdmin>();
        services.AddScoped<QueueSlaAdmin>();
        services.AddPageSection<QueueSlaEditor>(SectionPages.QueueAdmin, order: 10);
        services.AddPageSection<PersonalDigestPreference>(SectionPages.Preferences, order: 10);
        return builder;
    }
}
