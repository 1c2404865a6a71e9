using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Applies an <c>id: ticket/42</c> form (<c>rt edit ticket/42 set status=resolved</c>, <c>rt resolve</c>,
/// <c>rt give</c>, or a whole form edited with <c>-e</c>). Unchanged values are skipped; a key
/// that cannot be used is reported as <c># key: reason</c> (RT's 409) while the others are still
/// applied. The usable changes are applied together through the write path: all or none.
/// </summary>
public sealed class RtTicketUpdate(TicketReader reader, TicketService tickets, NocDbContext db, RtPeople people,
    RtTicketForms forms, RtCustomFieldNames customFields)
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
        { "id", "type", "Creator", "Content-Type", "LastUpdated" };

    private static readonly Dictionary<string, TicketField> Plain = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Subject"] = TicketField.Subject, ["Priority"] = TicketField.Priority,
        ["InitialPriority"] = TicketField.InitialPriority, ["FinalPriority"] = TicketField.FinalPriority,
        ["TimeEstimated"] = TicketField.TimeEstimated, ["TimeLeft"] = TicketField.TimeLeft,
    };

    private static readonly Dictionary<string, TicketField> Dates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Due"] = TicketField.Due, ["Starts"] = TicketField.Starts, ["Told"] = TicketField.Told,
    };

    private static readonly Dictionary<string, WatcherRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Requestors"] = WatcherRole.Requestor, ["Requestor"] = WatcherRole.Requestor, ["Cc"] = WatcherRole.Cc, ["AdminCc"] = WatcherRole.AdminCc,
    };

    public async Task<RtOutcome> UpdateAsync(int id, RtForm form, RtCaller caller, CancellationToken ct)
    {
        var ticket = await reader.GetAsync(id, caller.Actor, ct);
        if (ticket is null) return RtOutcome.Done($"Ticket {id} does not exist.");
        var shown = (await forms.FormsAsync([ticket], caller, null, ct))[0];

        var errors = new List<string>();
        var changes = new List<TicketChange>();
        foreach (var (key, values) in form.Grouped())
        {
            if (Ignored.Contains(key)) continue;
            try
            {
                if (values.Count > 1 && !Roles.ContainsKey(key)) throw new RtFieldException("only one value may be given.");
                var value = Unquote(values[0].Trim());
                if (shown.Get(key) is { } current && current == value) continue;
                changes.AddRange(await ChangesForAsync(key, value, values, ticket, caller, ct));
            }
            catch (RtFieldException e)
            {
                errors.Add($"{key}: {e.Message}");
            }
        }

        var comments = new List<string>(errors);
        if (changes.Count > 0)
        {
            var result = await tickets.ApplyAsync(ticket.Id, changes, caller.Actor, ct: ct);
            if (!result.Succeeded)
                return result.Error!.Kind is TicketErrorKind.Forbidden or TicketErrorKind.NotFound
                    ? new RtOutcome([.. comments, result.Error.Message], errors.Count > 0)
                    : RtOutcome.Refused([.. comments, $"Ticket {id} was not updated: {result.Error.Message}"]);
        }
        comments.Add($"Ticket {id} updated.");
        return new RtOutcome(comments, errors.Count > 0);
    }

    private async Task<IEnumerable<TicketChange>> ChangesForAsync(string key, string value, IReadOnlyList<string> values,
        Ticket ticket, RtCaller caller, CancellationToken ct)
    {
        if (Plain.TryGetValue(key, out var field))
        {
            var text = field is TicketField.TimeEstimated or TicketField.TimeLeft
                ? (RtValues.TryParseMinutes(value, out var m) ? m.ToString() : throw new RtFieldException($"'{value}' is not a number of minutes."))
                : value;
            return [new SetField(field, text)];
        }
        if (Dates.TryGetValue(key, out var dateField))
        {
            if (!RtValues.TryParseDate(value, caller.Zone, out var date)) throw new RtFieldException($"'{value}' is not a date.");
            return [new SetField(dateField, date?.ToString("o"))];
        }
        if (Roles.TryGetValue(key, out var role))
        {
            var wanted = new List<WatcherRef>();
            foreach (var item in RtFormText.SplitList(values)) wanted.Add(await people.WatcherAsync(item, ct));
            return await WatcherChangesAsync(ticket, role, wanted, ct);
        }
        if (RtCustomFieldNames.NameIn(key) is { } cf)
            return [new SetCustomField(await customFields.IdAsync(cf, ct), RtFormText.SplitList(values))];

        switch (key.ToLowerInvariant())
        {
            case "status":
                return [new SetStatus(value)];
            case "owner":
                return [new SetOwner(await people.OwnerAsync(value, ct))];
            case "queue":
                var queues = await db.Queues.AsNoTracking().Select(q => new { q.Id, q.Name }).ToListAsync(ct);
                var queue = queues.FirstOrDefault(q => q.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || q.Id.ToString() == value)
                            ?? throw new RtFieldException($"There is no queue '{value}'.");
                return [new SetQueue(queue.Id)];
            case "timeworked":
                if (!RtValues.TryParseMinutes(value, out var total)) throw new RtFieldException($"'{value}' is not a number of minutes.");
                return total == ticket.TimeWorked ? [] : [new AddTimeWorked(total - ticket.TimeWorked)];
            case "created" or "started" or "resolved":
                throw new RtFieldException("NocBoard keeps this date itself; it cannot be set.");
            default:
                throw new RtFieldException("Unknown field.");
        }
    }

    /// <summary><c>rt subject 42 Fibre cut</c> sends <c>subject: "Fibre cut"</c>: a value wholly in quotes means what is inside.</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;

    /// <summary>The list is the complete new set of watchers in the role: add the new ones, remove the ones not listed.</summary>
    private async Task<IEnumerable<TicketChange>> WatcherChangesAsync(Ticket ticket, WatcherRole role, List<WatcherRef> wanted, CancellationToken ct)
    {
        var current = ticket.Watchers.Where(w => w.Role == role).ToList();
        var addresses = wanted.Where(w => w.Email is not null).Select(w => w.Email!.ToUpperInvariant()).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => addresses.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        // An address that belongs to a user stands for that user, as the write path stores it.
        var resolved = wanted.Select(w => w.Email is { } e && emails.FirstOrDefault(u => u.NormalizedEmail == e.ToUpperInvariant()) is { } u
            ? WatcherRef.User(u.Id) : w).ToList();
        bool Same(TicketWatcher w, WatcherRef r) => r.UserId is { } id ? w.UserId == id : string.Equals(w.Email, r.Email, StringComparison.OrdinalIgnoreCase);
        return resolved.Where(r => !current.Any(w => Same(w, r))).Select(r => (TicketChange)new AddWatcher(role, r))
            .Concat(current.Where(w => !resolved.Any(r => Same(w, r)))
                .Select(w => (TicketChange)new RemoveWatcher(role, w.UserId is { } id ? WatcherRef.User(id) : WatcherRef.Address(w.Email!))));
    }
}
