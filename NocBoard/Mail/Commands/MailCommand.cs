using System.Text.RegularExpressions;

namespace NocBoard.Mail.Commands;

/// <summary>
/// A command line at the top of a message body ("Status: resolved"), RT's CommandByMail. The block
/// of commands ends at the first line that is not one; the body is recorded whole either way.
/// </summary>
public sealed record MailCommand(string Name, string Value, int Line)
{
    /// <summary>The commands NocBoard understands (case-insensitive); CF.{Name} sets a custom field.</summary>
    public static readonly string[] Known =
    [
        "Status", "Owner", "Priority", "Queue", "TimeWorked", "Subject", "Due",
        "AddCc", "AddAdminCc", "AddRequestor", "DelCc", "DelAdminCc", "DelRequestor",
    ];

    private static readonly Regex CommandLine = new(@"^\s*(?<name>CF\.\{[^}]+\}|[A-Za-z][A-Za-z-]*)\s*:\s*(?<value>.*?)\s*$",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public static IReadOnlyList<MailCommand> Parse(string? body)
    {
        var commands = new List<MailCommand>();
        if (string.IsNullOrEmpty(body)) return commands;
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                if (commands.Count == 0) continue;   // blank lines before the first command
                break;
            }
            var match = CommandLine.Match(line);
            if (!match.Success) break;
            var name = match.Groups["name"].Value;
            var known = name.StartsWith("CF.{", StringComparison.OrdinalIgnoreCase)
                ? name
                : Known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (known is null) break;
            commands.Add(new MailCommand(known, match.Groups["value"].Value, number));
        }
        return commands;
    }

    public override string ToString() => $"{Name}: {Value}";

    /// <summary>The commands as lines <see cref="Parse"/> reads back; null when there are none.</summary>
    public static string? Serialize(IEnumerable<MailCommand> commands)
    {
        var text = string.Join("\n", commands.Select(c => c.ToString()));
        return text.Length == 0 ? null : text;
    }
}
