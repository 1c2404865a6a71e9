using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets.Changes;

namespace NocBoard.Monitoring;

/// <summary>
/// Builds the ticket for a new problem from the source's mappings: severity to priority, host
/// group or labels to queue, owner, custom fields ("Device", "Site"). A mapping that names a user
/// or custom field that does not exist (or does not apply to the queue) is skipped, not allowed to
/// keep an outage off the board.
/// </summary>
public sealed class AlertTicketMapper(NocDbContext db, ILogger<AlertTicketMapper> logger)
{
    public async Task<NewTicket> BuildAsync(AlertSource source, Alert alert, CancellationToken ct)
    {
        var matching = source.Mappings.OrderBy(m => m.Order).ThenBy(m => m.Id).Where(m => m.Matches(alert)).ToList();
        string? First(MappingTarget target) => matching.FirstOrDefault(m => m.Target == target)?.Render(alert);

        var queueName = First(MappingTarget.Queue) is { Length: > 0 } q ? q : source.QueueName;
        var queue = await db.Queues.AsNoTracking().SingleOrDefaultAsync(x => x.Name == queueName && !x.Disabled, ct);
        if (queue is null)
        {
            logger.LogWarning("Alert source {Source} maps to queue {Queue}, which does not exist; using {Default}", source.Name, queueName, source.QueueName);
            queueName = source.QueueName;
        }

        int? priority = int.TryParse(First(MappingTarget.Priority), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;

        int? ownerId = null;
        if (First(MappingTarget.Owner) is { Length: > 0 } ownerName)
        {
            ownerId = await db.Users.Where(u => u.UserName == ownerName && !u.Disabled).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
            if (ownerId is null) logger.LogWarning("Alert source {Source} maps owner {Owner}, who does not exist", source.Name, ownerName);
        }

        var customFields = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var mapping in matching.Where(m => m.Target == MappingTarget.CustomField && m.CustomFieldName is not null)
                     .GroupBy(m => m.CustomFieldName!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
        {
            var value = mapping.Render(alert);
            if (value.Length == 0) continue;
            var fieldId = await db.CustomFields
                .Where(f => f.Name == mapping.CustomFieldName && !f.Disabled
                            && (f.AppliesGlobally || queue == null || db.QueueCustomFields.Any(qc => qc.CustomFieldId == f.Id && qc.QueueId == queue.Id)))
                .Select(f => (int?)f.Id).SingleOrDefaultAsync(ct);
            if (fieldId is { } id) customFields[id] = [value];
            else logger.LogWarning("Alert source {Source} maps custom field {Field}, which does not apply here", source.Name, mapping.CustomFieldName);
        }

        var subject = $"[{source.Name}] {alert.Summary}";
        return new NewTicket
        {
            QueueName = queueName,
            Subject = subject.Length > 200 ? subject[..200] : subject,
            Priority = priority,
            OwnerId = ownerId,
            CustomFields = customFields,
            Content = new TicketMessage(Describe(alert)) { Subject = subject.Length > 200 ? subject[..200] : subject },
        };
    }

    private static string Describe(Alert alert)
    {
        var lines = new List<string> { alert.Summary, "" };
        lines.Add($"Source: {alert.Source}");
        lines.Add($"Key: {alert.Key}");
        if (alert.Host is not null) lines.Add($"Host: {alert.Host}");
        if (alert.Service is not null) lines.Add($"Service: {alert.Service}");
        if (alert.Severity is not null) lines.Add($"Severity: {alert.Severity}");
        foreach (var (name, value) in alert.Labels) lines.Add($"{name}: {value}");
        if (!string.IsNullOrWhiteSpace(alert.Details)) { lines.Add(""); lines.Add(alert.Details); }
        return string.Join("\n", lines);
    }
}
