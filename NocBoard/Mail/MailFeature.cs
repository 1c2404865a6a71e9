using NocBoard.Mail.Outbound;
using NocBoard.Outbox;

namespace NocBoard.Mail;

public static class MailFeature
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddSingleton<IOutboxHandler, SmtpMailSender>();
        return builder;
    }
}
