using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Mail.Inbound;

namespace NocBoard.Mail.Rules;

/// <summary>
/// Runs the ordered rules over a message. Each enabled rule whose pattern matches adds its action;
/// a later rule overrides an earlier one's queue, priority or owner; Drop and Quarantine end the
/// list. A pattern that runs past the match timeout counts as not matching, and says so.
/// </summary>
public sealed class MailRuleEngine(NocDbContext db, MailRuleCatalog catalog, IOptions<InboundMailOptions> options)
{
    public async Task<RuleOutcome> EvaluateAsync(MimeMessage message, CancellationToken ct)
    {
        var rules = await catalog.EnabledAsync(db, ct);
        return Evaluate(rules, message, options.Value.RuleMatchTimeout);
    }

    public static RuleOutcome Evaluate(IEnumerable<MailRule> rules, MimeMessage message, TimeSpan timeout)
    {
        var outcome = new RuleOutcome();
        foreach (var rule in rules)
        {
            var subject = Subject(rule, message);
            bool matched;
            try
            {
                matched = Regex.IsMatch(subject, rule.Pattern,
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, timeout);
            }
            catch (RegexMatchTimeoutException)
            {
                outcome.Notes.Add($"Rule '{rule.Name}' took longer than {timeout.TotalMilliseconds:0} ms and was skipped.");
                continue;
            }
            catch (ArgumentException bad)
            {
                outcome.Notes.Add($"Rule '{rule.Name}' has an invalid pattern ({bad.Message}) and was skipped.");
                continue;
            }
            if (!matched) continue;
            outcome.Matched.Add(rule);
            switch (rule.Action)
            {
                case MailRuleAction.SetQueue: outcome.Queue = rule.Value; break;
                case MailRuleAction.SetPriority:
                    if (int.TryParse(rule.Value, out var priority)) outcome.Priority = priority;
                    else outcome.Notes.Add($"Rule '{rule.Name}' sets priority '{rule.Value}', which is not a number.");
                    break;
                case MailRuleAction.SetOwner: outcome.Owner = rule.Value; break;
                case MailRuleAction.SetCustomField:
                    if (!string.IsNullOrWhiteSpace(rule.CustomFieldName))
                        outcome.CustomFields[rule.CustomFieldName.Trim()] = rule.Value ?? "";
                    break;
                case MailRuleAction.Drop:
                    outcome.Drop = rule;
                    return outcome;
                case MailRuleAction.Quarantine:
                    outcome.Quarantine = rule;
                    return outcome;
            }
        }
        return outcome;
    }

    /// <summary>The text a rule looks at.</summary>
    public static string Subject(MailRule rule, MimeMessage message) => rule.Field switch
    {
        MailRuleField.From => string.Join(", ", message.From.Mailboxes.Select(m => m.ToString())),
        MailRuleField.ToOrCc => string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.ToString())),
        MailRuleField.Subject => message.Subject ?? "",
        MailRuleField.Header => string.Join("\n", message.Headers.Where(h =>
            string.Equals(h.Field, rule.HeaderName?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)),
        MailRuleField.Body => message.TextBody ?? message.HtmlBody ?? "",
        _ => "",
    };
}

/// <summary>What the rules decided for one message.</summary>
public sealed class RuleOutcome
{
    public List<MailRule> Matched { get; } = [];
    public List<string> Notes { get; } = [];
    public string? Queue { get; set; }
    public int? Priority { get; set; }
    public string? Owner { get; set; }
    public Dictionary<string, string> CustomFields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public MailRule? Drop { get; set; }
    public MailRule? Quarantine { get; set; }
}
