using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Mail.Commands;

/// <summary>Turns mail commands into ticket changes; a command that cannot be understood becomes an error message instead.</summary>
public sealed class MailCommandTranslator(NocDbContext db)
{
    public async Task<(TicketChange? Change, string? Error)> TranslateAsync(MailCommand command, CancellationToken ct)
    {
        var value = command.Value.Trim();
        switch (command.Name)
        {
            case "Status":
                return value.Length == 0 ? (null, "Status needs a status, e.g. 'Status: resolved'.") : (new SetStatus(value), null);
            case "Priority":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    ? (new SetField(TicketField.Priority, value), null)
                    : (null, $"Priority takes a whole number; '{value}' is not one.");
            case "Subject":
                return (new SetField(TicketField.Subject, value), null);
            case "Due":
                return (new SetField(TicketField.Due, value), null);
            case "TimeWorked":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes != 0
                    ? (new AddTimeWorked(minutes), null)
                    : (null, $"TimeWorked takes a non-zero number of minutes; '{value}' is not one.");
            case "Owner":
                if (value.Length == 0 || value.Equals("Nobody", StringComparison.OrdinalIgnoreCase))
                    return (SetOwner.Nobody, null);
                var ownerId = await db.Users.AsNoTracking()
                    .Where(u => u.NormalizedUserName == value.ToUpperInvariant() || u.NormalizedEmail == value.ToUpperInvariant())
                    .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                return ownerId is { } id ? (new SetOwner(id), null) : (null, $"There is no user '{value}' to give the ticket to.");
            case "Queue":
                var queues = await db.Queues.AsNoTracking().Where(q => !q.Disabled).Select(q => new { q.Id, q.Name }).ToListAsync(ct);
                var queue = queues.FirstOrDefault(q => string.Equals(q.Name, value, StringComparison.OrdinalIgnoreCase));
                return queue is null ? (null, $"There is no queue '{value}'.") : (new SetQueue(queue.Id), null);
            case "AddCc": return Watcher(value, WatcherRole.Cc, add: true);
            case "AddAdminCc": return Watcher(value, WatcherRole.AdminCc, add: true);
            case "AddRequestor": return Watcher(value, WatcherRole.Requestor, add: true);
            case "DelCc": return Watcher(value, WatcherRole.Cc, add: false);
            case "DelAdminCc": return Watcher(value, WatcherRole.AdminCc, add: false);
            case "DelRequestor": return Watcher(value, WatcherRole.Requestor, add: false);
        }
        if (command.Name.StartsWith("CF.{", StringComparison.OrdinalIgnoreCase))
        {
            var name = command.Name[4..^1].Trim();
            var fields = await db.CustomFields.AsNoTracking().Where(c => !c.Disabled).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            return field is null
                ? (null, $"There is no custom field '{name}'.")
                : (new SetCustomField(field.Id, value.Length == 0 ? [] : [value]), null);
        }
        return (null, $"'{command.Name}' is not a command NocBoard knows.");
    }

    private static (TicketChange?, string?) Watcher(string value, WatcherRole role, bool add) =>
        Site.EmailAddresses.Normalize(value) is { } email
            ? (add ? new AddWatcher(role, WatcherRef.Address(email)) : new RemoveWatcher(role, WatcherRef.Address(email)), null)
            : (null, $"'{value}' is not an email address.");
}
