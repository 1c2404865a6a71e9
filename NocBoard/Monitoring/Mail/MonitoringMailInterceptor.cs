using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Mail.Inbound;

namespace NocBoard.Monitoring.Mail;

/// <summary>
/// Takes alert mails (Nagios, Zabbix, anything a <see cref="MailAlertRule"/> describes) out of the
/// inbound mail stream, whichever way they arrived, and applies them as alerts. A mail that matches
/// a rule but cannot be made into an alert is kept as a rejected alert (and still taken, so it does
/// not become an ordinary ticket); a mail no rule matches is left to the mail pipeline.
/// </summary>
public sealed class MonitoringMailInterceptor(NocDbContext db, AlertSources sources, AlertIntake intake, AlertRejections rejections) : IInboundMailInterceptor
{
    public async Task<bool> TryTakeAsync(InboundMail mail, CancellationToken ct)
    {
        var rules = await db.Set<MailAlertRule>().AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        if (rules.Count == 0) return false;
        var recognition = MailAlertRecognizer.Recognize(mail.Message, rules);
        if (!recognition.Matched) return false;

        var via = $"mail ({mail.Via})";
        if (recognition.Alert is not { } alert)
        {
            await rejections.StoreAsync(via, recognition.Rule!.SourceName, recognition.Problem!, Raw(mail), ct);
            return true;
        }
        var source = await sources.ByNameAsync(db, alert.Source, ct);
        if (source is null || source.Disabled)
        {
            await rejections.StoreAsync(via, alert.Source, $"Rule '{recognition.Rule!.Name}' names source '{alert.Source}', which does not exist or is disabled.", Raw(mail), ct);
            return true;
        }
        try
        {
            await intake.ApplyAsync(source, alert, ct);
        }
        catch (AlertRejectedException e)
        {
            await rejections.StoreAsync(via, source.Name, $"Key '{alert.Key}': {e.Message}", Raw(mail), ct);
        }
        return true;
    }

    private static string Raw(InboundMail mail)
    {
        using var stream = new MemoryStream();
        mail.Message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
