using System.Text.RegularExpressions;
using MimeKit;

namespace NocBoard.Monitoring.Mail;

/// <summary>The outcome of reading a mail with the rules: an alert, the reason a matching rule could not make one, or no rule matched.</summary>
public sealed record MailRecognition(Alert? Alert, string? Problem, MailAlertRule? Rule)
{
    public bool Matched => Rule is not null;
}

/// <summary>Applies <see cref="MailAlertRule"/>s to a message; the first rule whose subject and body patterns match decides.</summary>
public static class MailAlertRecognizer
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static MailRecognition Recognize(MimeMessage message, IEnumerable<MailAlertRule> rules)
    {
        var subject = (message.Subject ?? "").Trim();
        var body = (message.TextBody ?? message.HtmlBody ?? "").Replace("\r\n", "\n");
        foreach (var rule in rules.Where(r => r.Enabled).OrderBy(r => r.Order).ThenBy(r => r.Id))
        {
            var groups = Match(rule, subject, body);
            if (groups is null) continue;
            return Build(rule, groups, subject, body);
        }
        return new MailRecognition(null, null, null);
    }

    /// <summary>Checks that a rule's patterns are valid regular expressions; the message names the bad one.</summary>
    public static string? Validate(MailAlertRule rule)
    {
        foreach (var pattern in new[] { rule.SubjectPattern }.Concat(BodyLines(rule)))
        {
            try { _ = new Regex(pattern, RegexOptions.None, RegexTimeout); }
            catch (ArgumentException e) { return $"'{pattern}' is not a valid regular expression: {e.Message}"; }
        }
        foreach (var (type, state) in StateMap(rule))
            if (!Alert.StateNames.ContainsKey(state))
                return $"State map entry '{type}={state}': '{state}' is not a state; use one of {string.Join(", ", Alert.StateNames.Keys)}.";
        return null;
    }

    private static Dictionary<string, string>? Match(MailAlertRule rule, string subject, string body)
    {
        var groups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var subjectMatch = Regex.Match(subject, rule.SubjectPattern, RegexOptions.CultureInvariant, RegexTimeout);
        if (!subjectMatch.Success) return null;
        Collect(subjectMatch, groups);
        foreach (var pattern in BodyLines(rule))
        {
            var match = Regex.Match(body, pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, RegexTimeout);
            if (!match.Success) return null;
            Collect(match, groups);
        }
        return groups;
    }

    private static MailRecognition Build(MailAlertRule rule, Dictionary<string, string> groups, string subject, string body)
    {
        var type = groups.GetValueOrDefault("type")?.Trim();
        if (type is null)
            return new(null, $"Rule '{rule.Name}' matched but has no 'type' group to say the alert's state.", rule);
        var map = StateMap(rule).ToDictionary(e => e.Type, e => e.State, StringComparer.OrdinalIgnoreCase);
        if (!map.TryGetValue(type, out var stateName) || !Alert.StateNames.TryGetValue(stateName, out var state))
            return new(null, $"Rule '{rule.Name}': notification type '{type}' is not in its state map ({rule.StateMap}).", rule);

        string? Lookup(string name) => groups.GetValueOrDefault(name)?.Trim();
        var key = AlertTemplate.Render(rule.KeyTemplate, Lookup);
        if (key.Trim('/', ':', ' ').Length == 0)
            return new(null, $"Rule '{rule.Name}': the key template '{rule.KeyTemplate}' gave an empty key.", rule);
        var summary = rule.SummaryTemplate.Length > 0 ? AlertTemplate.Render(rule.SummaryTemplate, Lookup) : Lookup("summary") ?? "";
        if (summary.Length == 0) summary = subject;

        var known = new HashSet<string>(["type", "host", "service", "severity", "summary"], StringComparer.OrdinalIgnoreCase);
        return new(new Alert
        {
            Source = rule.SourceName,
            Key = key,
            KeyIsPattern = rule.KeyTemplate.Contains('*'),
            State = state,
            Severity = Lookup("severity"),
            Summary = summary,
            Details = $"{subject}\n\n{body}".Trim(),
            Host = Lookup("host"),
            Service = Lookup("service"),
            Labels = groups.Where(g => !known.Contains(g.Key)).ToDictionary(g => g.Key, g => g.Value.Trim()),
        }, null, rule);
    }

    private static void Collect(Match match, Dictionary<string, string> groups)
    {
        foreach (Group group in match.Groups)
            if (group.Success && !int.TryParse(group.Name, out _))
                groups[group.Name] = group.Value;
    }

    private static IEnumerable<string> BodyLines(MailAlertRule rule) =>
        rule.BodyPatterns.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);

    private static IEnumerable<(string Type, string State)> StateMap(MailAlertRule rule) =>
        rule.StateMap.Split([';', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .Select(p => (p[0], p[1]));
}
