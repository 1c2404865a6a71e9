using Microsoft.AspNetCore.DataProtection;
using NocBoard.Mail.Commands;
using NocBoard.Mail.Gateway;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Mail.Polling;
using NocBoard.Mail.Quarantine;
using NocBoard.Mail.Rules;
using NocBoard.Mail.Threading;
using NocBoard.Operations.Jobs;
using NocBoard.Outbox;

namespace NocBoard.Mail;

public static class MailFeature
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        // Japanese (ISO-2022-JP, Shift_JIS, EUC-JP), Korean and Chinese mail needs the code-page
        // encodings, which .NET leaves out unless registered; without them MimeKit shows mojibake.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<InboundMailOptions>().BindConfiguration(InboundMailOptions.Section);
        services.AddOptions<MailGatewayOptions>().BindConfiguration(MailGatewayOptions.Section);
        services.AddOptions<MailPollingOptions>().BindConfiguration(MailPollingOptions.Section);
        services.AddOptions<AutoreplyOptions>().BindConfiguration(AutoreplyOptions.Section);
        services.AddSingleton<IOutboxHandler, SmtpMailSender>();
        services.AddScoped<AutoreplyLimiter>();
        services.AddOptions<MailCharsetOptions>().BindConfiguration(MailCharsetOptions.Section);
        services.AddScoped<MailCharsets>();

        services.AddScoped<PendingReceipt>();
        services.AddScoped<IOutboxContributor, MailReceiptContributor>();
        services.AddScoped<ThreadFinder>();
        services.AddScoped<MailRuleEngine>();
        services.AddSingleton<MailRuleCatalog>();
        services.AddScoped<SenderAccounts>();
        services.AddScoped<QuarantineStore>();
        services.AddScoped<MailIntakeAddresses>();
        services.AddScoped<MailCommandTranslator>();
        services.AddScoped<MailCommandRunner>();
        services.AddHostedService<MailCommandStartupSweep>();
        services.AddScoped<MailIntake>();

        services.AddScoped<MailboxPasswords>();
        services.AddScoped<MailboxDirectory>();
        services.AddScoped<MailboxPoller>();
        services.AddScheduledJob<MailPollJob>();

        services.AddScoped<Admin.MailAdmin>();
        // Before everything else (path base, routing): rt-mailgate posts to "//REST/1.0/...".
        services.AddSingleton<IStartupFilter, MailGatewayPathFilter>();
        return builder;
    }

    public static WebApplication MapMail(this WebApplication app)
    {
        MailGatewayEndpoint.Map(app);
        return app;
    }
}

internal sealed class MailGatewayPathFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseDoubleSlashForMailGateway();
        next(app);
    };
}
