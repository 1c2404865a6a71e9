using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace NocBoard.Tests.Monitoring.Mail;

/// <summary>
/// Renders Nagios's notification commands exactly as Debian's nagios4-common ships them in
/// /etc/nagios4/objects/commands.cfg: the macros are put in as Nagios does, the body goes through
/// the real /usr/bin/printf "%b", and the subject is the mail -s argument; the result is the
/// message /usr/bin/mail would send.
/// </summary>
public static partial class NagiosNotification
{
    public const string CommandsFile = "/etc/nagios4/objects/commands.cfg";

    public static readonly IReadOnlyDictionary<string, string> HostMacros = new Dictionary<string, string>
    {
        ["HOSTNAME"] = "core-sw-fra1",
        ["HOSTALIAS"] = "core-sw-fra1",
        ["HOSTSTATE"] = "DOWN",
        ["HOSTADDRESS"] = "192.0.2.10",
        ["HOSTOUTPUT"] = "CRITICAL - 192.0.2.10: rta nan, lost 100%",
        ["LONGDATETIME"] = "Mon Nov 23 08:00:00 UTC 2026",
        ["CONTACTEMAIL"] = "noc@example.net",
    };

    public static readonly IReadOnlyDictionary<string, string> ServiceMacros = new Dictionary<string, string>
    {
        ["HOSTALIAS"] = "web-fra1.example.net",
        ["HOSTADDRESS"] = "192.0.2.20",
        ["SERVICEDESC"] = "HTTP",
        ["SERVICESTATE"] = "CRITICAL",
        ["SERVICEOUTPUT"] = "connect to address 192.0.2.20 and port 80: Connection refused",
        ["LONGDATETIME"] = "Mon Nov 23 08:00:00 UTC 2026",
        ["CONTACTEMAIL"] = "noc@example.net",
    };

    public static MimeMessage Host(string type, string state = "DOWN", string? output = null) =>
        Render("notify-host-by-email", With(HostMacros, type, ("HOSTSTATE", state), ("HOSTOUTPUT", output)));

    public static MimeMessage Service(string type, string state = "CRITICAL", string? output = null, string? service = null) =>
        Render("notify-service-by-email", With(ServiceMacros, type, ("SERVICESTATE", state), ("SERVICEOUTPUT", output), ("SERVICEDESC", service)));

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> macros, string type, params (string Name, string? Value)[] overrides)
    {
        var all = macros.ToDictionary();
        all["NOTIFICATIONTYPE"] = type;
        foreach (var (name, value) in overrides)
            if (value is not null) all[name] = value;
        return all;
    }

    public static MimeMessage Render(string commandName, IReadOnlyDictionary<string, string> macros)
    {
        if (!File.Exists(CommandsFile))
            throw new InvalidOperationException($"{CommandsFile} is missing: install Debian's nagios4-common (test.sh does).");
        var config = File.ReadAllText(CommandsFile);
        var command = Regex.Match(config, @"command_name\s+" + Regex.Escape(commandName) + @"\s*\n\s*command_line\s+(?<line>.+)");
        Assert.True(command.Success, $"{commandName} is not in {CommandsFile}");
        var line = Expand(command.Groups["line"].Value.Trim(), macros);
        var parts = Shipped().Match(line);
        Assert.True(parts.Success, $"{commandName} is not the printf | mail command this test knows: {line}");

        var body = Printf(parts.Groups["format"].Value);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Nagios", "nagios@monitor.example.net"));
        message.To.Add(MailboxAddress.Parse(parts.Groups["to"].Value));
        message.Subject = parts.Groups["subject"].Value;
        message.Date = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("monitor.example.net");
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>Nagios replaces $MACRO$ before the shell runs the line.</summary>
    private static string Expand(string line, IReadOnlyDictionary<string, string> macros) =>
        Regex.Replace(line, @"\$([A-Z_]+)\$", m => macros.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new KeyNotFoundException($"no value for ${m.Groups[1].Value}$"));

    private static string Printf(string format)
    {
        var start = new ProcessStartInfo("/usr/bin/printf") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("%b");
        start.ArgumentList.Add(format);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    [GeneratedRegex("""^/usr/bin/printf "%b" "(?<format>(?:[^"\\]|\\.)*)" \| /usr/bin/mail -s "(?<subject>[^"]*)" (?<to>\S+)$""")]
    private static partial Regex Shipped();
}
