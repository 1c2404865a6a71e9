using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;
using NocBoard.Monitoring.Mail;

namespace NocBoard.Monitoring;

/// <summary>
/// At start: the default sources (nagios, zabbix, alertmanager) with their mail rules and severity
/// mappings when they do not exist yet, tokens from configuration, and the badges of current alerts.
/// Sources and rules an administrator changed or removed are left as they are... except that a
/// removed default source comes back (without its rules) only if configuration names a token for it.
/// </summary>
public sealed class MonitoringSeed(IServiceScopeFactory scopes, AlertBadges badges, IOptions<MonitoringOptions> options) : IHostedService
{
    public const string NagiosStateMap =
        "PROBLEM=problem; RECOVERY=ok; ACKNOWLEDGEMENT=ack; FLAPPINGSTART=flapping-start; FLAPPINGSTOP=flapping-stop; " +
        "FLAPPINGDISABLED=flapping-stop; DOWNTIMESTART=downtime-start; DOWNTIMEEND=downtime-end; DOWNTIMECANCELLED=downtime-end";

    public static IReadOnlyList<MailAlertRule> DefaultRules() =>
    [
        new()
        {
            SourceName = "nagios", Name = "Nagios host notification (notify-host-by-email)", Order = 10,
            SubjectPattern = @"^\*\* (?<type>[A-Z]+) Host Alert: (?<host>\S+) is (?<severity>[A-Z]+) \*\*$",
            BodyPatterns = "^\\*\\*\\*\\*\\* Nagios \\*\\*\\*\\*\\*\n^Address: (?<address>.*)$\n^Info: (?<info>.*)$",
            KeyTemplate = "{host}",
            SummaryTemplate = "Host {host} is {severity}: {info}",
            StateMap = NagiosStateMap,
        },
        new()
        {
            SourceName = "nagios", Name = "Nagios service notification (notify-service-by-email)", Order = 20,
            SubjectPattern = @"^\*\* (?<type>[A-Z]+) Service Alert: (?<host>[^/]+)/(?<service>.+) is (?<severity>[A-Z]+) \*\*$",
            BodyPatterns = "^\\*\\*\\*\\*\\* Nagios \\*\\*\\*\\*\\*\n^Address: (?<address>.*)$\n^Additional Info:\\s*\\n\\s*(?<info>.*)$",
            KeyTemplate = "{host}/{service}",
            SummaryTemplate = "{service} on {host} is {severity}: {info}",
            StateMap = NagiosStateMap,
        },
        new()
        {
            SourceName = "zabbix", Name = "Zabbix problem and recovery (default message templates)", Order = 30,
            SubjectPattern = @"^(?<type>Problem|Resolved)(?: in [^:]+)?: (?<summary>.+)$",
            BodyPatterns = "^Host: (?<host>.+)$\n^Severity: (?<severity>.+)$\n^Original problem ID: (?<eventid>\\d+)",
            KeyTemplate = "{host}/{summary}",
            StateMap = "Problem=problem; Resolved=ok",
        },
        new()
        {
            // "Updated problem: {EVENT.NAME}" (4.x/5.0 action default) or "Updated problem in {EVENT.AGE}: {EVENT.NAME}"
            // (6.0+ Email media type): no host and no event ID, so it finds the open problem by its event name.
            SourceName = "zabbix", Name = "Zabbix problem update: acknowledged, commented, severity changed (default templates)", Order = 31,
            SubjectPattern = @"^(?<type>Updated problem)(?: in [^:]+)?: (?<summary>.+)$",
            BodyPatterns = "^(?<user>.*?) ?(?<action>(?:acknowledged|unacknowledged|commented|changed|closed|suppressed|unsuppressed|ranked).*) problem at (?<updated>.+?)\\.?$\n^Current problem status is (?<status>[^,]+)",
            KeyTemplate = "*/{summary}",
            SummaryTemplate = "{user} {action} problem: {summary}",
            StateMap = "Updated problem=update",
        },
    ];

    private static List<AlertMapping> Priorities(params (string Severity, int Priority)[] map) =>
        map.Select((m, i) => new AlertMapping { Order = i + 1, Field = "severity", Pattern = m.Severity, Target = MappingTarget.Priority, Value = m.Priority.ToString() }).ToList();

    public static IReadOnlyList<AlertSource> DefaultSources() =>
    [
        new() { Name = "nagios", Mappings = Priorities(("DOWN|UNREACHABLE|CRITICAL", 80), ("WARNING", 50), ("UNKNOWN", 40)) },
        new() { Name = "zabbix", Mappings = Priorities(("Disaster", 90), ("High", 70), ("Average", 50), ("Warning", 30), ("Information|Not classified", 10)) },
        new() { Name = "alertmanager", Mappings = Priorities(("critical|page", 80), ("warning", 50), ("info", 10)) },
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NocDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        await using (await gate.EnterAsync(ct))
        {
            var sources = db.Set<AlertSource>();
            foreach (var source in DefaultSources())
            {
                if (await sources.AnyAsync(s => s.Name == source.Name, ct)) continue;
                sources.Add(source);
                db.Set<MailAlertRule>().AddRange(DefaultRules().Where(r => r.SourceName == source.Name));
            }
            await db.SaveChangesAsync(ct);
            foreach (var (name, token) in options.Value.SourceTokens)
            {
                if (string.IsNullOrWhiteSpace(token)) continue;
                var lower = name.Trim().ToLowerInvariant();
                var source = await sources.SingleOrDefaultAsync(s => s.Name == lower, ct);
                if (source is null) sources.Add(source = new AlertSource { Name = lower });
                source.TokenHash = AlertSource.HashToken(token);
            }
            await db.SaveChangesAsync(ct);
        }
        await badges.LoadAsync(db, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
