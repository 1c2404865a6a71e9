using MimeKit;
using NocBoard.Monitoring;
using NocBoard.Monitoring.Mail;

namespace NocBoard.Tests.Monitoring.Mail;

public class MailAlertRecognizerTests
{
    private static readonly IReadOnlyList<MailAlertRule> Defaults = MonitoringSeed.DefaultRules();

    [Theory]
    [InlineData("PROBLEM", "DOWN", AlertState.Problem)]
    [InlineData("RECOVERY", "UP", AlertState.Ok)]
    [InlineData("ACKNOWLEDGEMENT", "DOWN", AlertState.Acknowledgement)]
    [InlineData("FLAPPINGSTART", "DOWN", AlertState.FlappingStart)]
    [InlineData("FLAPPINGSTOP", "UP", AlertState.FlappingStop)]
    [InlineData("DOWNTIMESTART", "DOWN", AlertState.DowntimeStart)]
    [InlineData("DOWNTIMEEND", "UP", AlertState.DowntimeEnd)]
    [InlineData("DOWNTIMECANCELLED", "UP", AlertState.DowntimeEnd)]
    public void Nagios_Host_Notifications_As_Shipped_Are_Read(string type, string state, AlertState expected)
    {
        var mail = NagiosNotification.Host(type, state);
        Assert.Equal($"** {type} Host Alert: core-sw-fra1 is {state} **", mail.Subject);

        var alert = MailAlertRecognizer.Recognize(mail, Defaults).Alert!;

        Assert.Equal(("nagios", "core-sw-fra1", expected, state, "core-sw-fra1"), (alert.Source, alert.Key, alert.State, alert.Severity, alert.Host));
        Assert.Equal($"Host core-sw-fra1 is {state}: CRITICAL - 192.0.2.10: rta nan, lost 100%", alert.Summary);
        Assert.Equal("192.0.2.10", alert.Labels["address"]);
    }

    [Theory]
    [InlineData("PROBLEM", "CRITICAL", AlertState.Problem)]
    [InlineData("RECOVERY", "OK", AlertState.Ok)]
    [InlineData("ACKNOWLEDGEMENT", "CRITICAL", AlertState.Acknowledgement)]
    [InlineData("FLAPPINGSTART", "CRITICAL", AlertState.FlappingStart)]
    [InlineData("FLAPPINGSTOP", "OK", AlertState.FlappingStop)]
    [InlineData("DOWNTIMESTART", "OK", AlertState.DowntimeStart)]
    [InlineData("DOWNTIMEEND", "OK", AlertState.DowntimeEnd)]
    public void Nagios_Service_Notifications_As_Shipped_Are_Read(string type, string state, AlertState expected)
    {
        var mail = NagiosNotification.Service(type, state);
        Assert.Equal($"** {type} Service Alert: web-fra1.example.net/HTTP is {state} **", mail.Subject);

        var alert = MailAlertRecognizer.Recognize(mail, Defaults).Alert!;

        Assert.Equal(("web-fra1.example.net/HTTP", expected, state), (alert.Key, alert.State, alert.Severity));
        Assert.Equal(("web-fra1.example.net", "HTTP"), (alert.Host, alert.Service));
        Assert.Equal($"HTTP on web-fra1.example.net is {state}: connect to address 192.0.2.20 and port 80: Connection refused", alert.Summary);
    }

    [Fact]
    public void A_Service_Name_With_A_Slash_Stays_Whole()
    {
        var mail = NagiosNotification.Service("PROBLEM", service: "Disk /var");
        var alert = MailAlertRecognizer.Recognize(mail, Defaults).Alert!;
        Assert.Equal(("web-fra1.example.net", "Disk /var"), (alert.Host, alert.Service));
    }

    [Fact]
    public void Zabbix_Default_Templates_Are_Read_With_Problem_And_Recovery_On_One_Key()
    {
        foreach (var (problem, resolved) in new[] { (ZabbixNotification.Problem50(), ZabbixNotification.Resolved50()), (ZabbixNotification.Problem60(), ZabbixNotification.Resolved60()) })
        {
            var p = MailAlertRecognizer.Recognize(problem, Defaults).Alert!;
            var r = MailAlertRecognizer.Recognize(resolved, Defaults).Alert!;
            Assert.Equal(("zabbix", AlertState.Problem, "High", "db-fra1", "4711"), (p.Source, p.State, p.Severity, p.Host, p.Labels["eventid"]));
            Assert.Equal(ZabbixNotification.EventName, p.Summary);
            Assert.Equal(AlertState.Ok, r.State);
            Assert.Equal(p.Key, r.Key);
        }
    }

    [Fact]
    public void Zabbix_Updated_Problem_Mails_From_The_Default_Templates_Are_Updates_Of_The_Problem_By_Its_Event_Name()
    {
        foreach (var update in new[] { ZabbixNotification.Update50(), ZabbixNotification.Update60(action: "changed severity from Average to High") })
        {
            var alert = MailAlertRecognizer.Recognize(update, Defaults).Alert!;
            Assert.Equal(("zabbix", AlertState.Update, true), (alert.Source, alert.State, alert.KeyIsPattern));
            Assert.Equal($"*/{ZabbixNotification.EventName}", alert.Key);
            Assert.StartsWith("Zabbix Administrator (Admin) ", alert.Summary);
            Assert.EndsWith($" problem: {ZabbixNotification.EventName}", alert.Summary);
            Assert.Contains("Fibre cut, carrier ticket 4711", alert.Details);
            Assert.Equal("PROBLEM", alert.Labels["status"]);
        }
    }

    [Fact]
    public void A_Mail_No_Rule_Describes_Is_Not_Matched()
    {
        var mail = new MimeMessage { Subject = "Customer: our link to FRA is slow", Body = new TextPart("plain") { Text = "Please have a look." } };
        Assert.False(MailAlertRecognizer.Recognize(mail, Defaults).Matched);
    }

    [Fact]
    public void A_Matching_Mail_With_A_Type_Outside_The_State_Map_Says_So()
    {
        var result = MailAlertRecognizer.Recognize(NagiosNotification.Host("CUSTOM"), Defaults);
        Assert.True(result.Matched);
        Assert.Null(result.Alert);
        Assert.Contains("notification type 'CUSTOM' is not in its state map", result.Problem);
    }

    [Fact]
    public void A_New_Format_Is_A_Rule()
    {
        var smokeping = new MailAlertRule
        {
            SourceName = "smokeping", Name = "Smokeping alert", SubjectPattern = @"^\[SmokeAlert\] (?<type>\w+) on (?<host>\S+)$",
            BodyPatterns = @"^Alert ""(?<summary>[^""]+)""", KeyTemplate = "{host}", StateMap = "someloss=problem; clear=ok",
        };
        var mail = new MimeMessage { Subject = "[SmokeAlert] someloss on edge-ams2", Body = new TextPart("plain") { Text = "Alert \"someloss\" was raised for edge-ams2.\n" } };

        Assert.Null(MailAlertRecognizer.Validate(smokeping));
        var alert = MailAlertRecognizer.Recognize(mail, [.. Defaults, smokeping]).Alert!;
        Assert.Equal(("smokeping", "edge-ams2", AlertState.Problem, "someloss"), (alert.Source, alert.Key, alert.State, alert.Summary));
    }

    [Fact]
    public void An_Invalid_Pattern_Is_Named()
    {
        var rule = new MailAlertRule { SourceName = "x", Name = "bad", SubjectPattern = "(unclosed", KeyTemplate = "{host}", StateMap = "A=problem" };
        Assert.Contains("'(unclosed' is not a valid regular expression", MailAlertRecognizer.Validate(rule));
    }
}
