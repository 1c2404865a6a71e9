using MimeKit;

namespace NocBoard.Tests.Monitoring.Mail;

/// <summary>
/// Zabbix's default message templates: the action defaults of Zabbix 4.x/5.0 ("Problem: {EVENT.NAME}",
/// "Resolved: {EVENT.NAME}") and the Email media type defaults of 6.0 and later
/// ("Resolved in {EVENT.DURATION}: {EVENT.NAME}"), and the update templates ("Updated problem: ..." /
/// "Updated problem in {EVENT.AGE}: ..."), with macros filled in as Zabbix would.
/// </summary>
public static class ZabbixNotification
{
    public const string EventName = "High CPU utilization (over 90% for 5m)";
    public const string Host = "db-fra1";

    public static MimeMessage Problem50(string eventId = "4711") => Mail($"Problem: {EventName}",
        $"Problem started at 08:00:00 on 2026.11.23\r\nProblem name: {EventName}\r\nHost: {Host}\r\nSeverity: High\r\n\r\nOriginal problem ID: {eventId}\r\nhttps://zabbix.example.net/tr_events.php?triggerid=13491&eventid={eventId}");

    public static MimeMessage Resolved50(string eventId = "4711") => Mail($"Resolved: {EventName}",
        $"Problem has been resolved at 08:25:00 on 2026.11.23\r\nProblem name: {EventName}\r\nHost: {Host}\r\nSeverity: High\r\n\r\nOriginal problem ID: {eventId}\r\nhttps://zabbix.example.net/tr_events.php?triggerid=13491&eventid={eventId}");

    public static MimeMessage Problem60(string eventId = "4711") => Mail($"Problem: {EventName}",
        $"Problem started at 08:00:00 on 2026.11.23\nProblem name: {EventName}\nHost: {Host}\nSeverity: High\nOperational data: 97.3 %\nOriginal problem ID: {eventId}\nhttps://zabbix.example.net/tr_events.php?triggerid=13491&eventid={eventId}");

    public static MimeMessage Resolved60(string eventId = "4711") => Mail($"Resolved in 25m: {EventName}",
        $"Problem has been resolved at 08:25:00 on 2026.11.23\nProblem name: {EventName}\nProblem duration: 25m\nHost: {Host}\nSeverity: High\nOriginal problem ID: {eventId}\nhttps://zabbix.example.net/tr_events.php?triggerid=13491&eventid={eventId}");

    /// <summary>The 4.x/5.0 action default for update operations: subject "Updated problem: {EVENT.NAME}".</summary>
    public static MimeMessage Update50(string comment = "Fibre cut, carrier ticket 4711", string action = "acknowledged and commented") => Mail($"Updated problem: {EventName}",
        $"Zabbix Administrator (Admin) {action} problem at 2026.11.23 08:10:00.\r\n{comment}\r\n\r\nCurrent problem status is PROBLEM, acknowledged: Yes.");

    /// <summary>The 6.0+ Email media type's "Problem update" template.</summary>
    public static MimeMessage Update60(string comment = "Fibre cut, carrier ticket 4711", string action = "acknowledged and commented", string eventName = EventName) => Mail($"Updated problem in 10m: {eventName}",
        $"Zabbix Administrator (Admin) {action} problem at 2026.11.23 08:10:00.\n{comment}\n\nCurrent problem status is PROBLEM, age is 10m, acknowledged: Yes.");

    private static MimeMessage Mail(string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Zabbix", "zabbix@monitor.example.net"));
        message.To.Add(new MailboxAddress("NOC", "noc@example.net"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("monitor.example.net");
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
