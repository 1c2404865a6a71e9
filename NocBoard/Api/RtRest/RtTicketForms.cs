using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Tickets written as RT's ticket form (fields in RT's order), for show and for search results in
/// the long format. Watchers, names and custom field values are loaded for all tickets at once.
/// </summary>
public sealed class RtTicketForms(NocDbContext db, RtPeople people, RightsService rights)
{
    /// <summary>The ticket form's fields in RT's order (custom fields follow).</summary>
    public static readonly string[] Fields =
    [
        "id", "Queue", "Owner", "Creator", "Subject", "Status", "Priority", "InitialPriority", "FinalPriority",
        "Requestors", "Cc", "AdminCc", "Created", "Starts", "Started", "Due", "Resolved", "Told", "LastUpdated",
        "TimeEstimated", "TimeWorked", "TimeLeft",
    ];

    /// <summary>A requested field name in the form's spelling (<c>requestor</c> → <c>Requestors</c>), or null for an unknown one.</summary>
    public static string? Canonical(string name)
    {
        var n = name.Trim();
        if (n.Equals("Requestor", StringComparison.OrdinalIgnoreCase)) return "Requestors";
        if (n.StartsWith("CF.", StringComparison.OrdinalIgnoreCase) || n.StartsWith("CF-", StringComparison.OrdinalIgnoreCase))
            return "CF.{" + n[3..].Trim('{', '}') + "}";
        return Fields.FirstOrDefault(f => f.Equals(n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The forms of <paramref name="tickets"/>, restricted to <paramref name="fields"/> (plus id) when given.</summary>
    public async Task<IReadOnlyList<RtForm>> FormsAsync(IReadOnlyList<Ticket> tickets, RtCaller caller,
        IReadOnlyList<string>? fields, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var watchers = (await db.TicketWatchers.AsNoTracking().Where(w => ids.Contains(w.TicketId)).OrderBy(w => w.Id).ToListAsync(ct))
            .ToLookup(w => w.TicketId);
        var names = await people.NamesAsync(tickets.SelectMany(t => new[] { t.OwnerId ?? 0, t.CreatorId })
            .Concat(watchers.SelectMany(g => g).Select(w => w.UserId ?? 0)), ct);
        var queues = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
        var customFields = await CustomFieldsAsync(tickets, caller, ct);

        return tickets.Select(t =>
        {
            var all = new List<(string Key, string Value)>
            {
                ("id", $"ticket/{t.Id}"),
                ("Queue", queues.GetValueOrDefault(t.QueueId, t.QueueId.ToString(CultureInfo.InvariantCulture))),
                ("Owner", t.OwnerId is { } o ? names.TryGetValue(o, out var n) ? n.Name : $"user #{o}" : RtPeople.Nobody),
                ("Creator", names.TryGetValue(t.CreatorId, out var c) ? c.Name : $"user #{t.CreatorId}"),
                ("Subject", t.Subject),
                ("Status", t.Status),
                ("Priority", Number(t.Priority)),
                ("InitialPriority", Number(t.InitialPriority)),
                ("FinalPriority", Number(t.FinalPriority)),
                ("Requestors", List(watchers[t.Id], WatcherRole.Requestor, names)),
                ("Cc", List(watchers[t.Id], WatcherRole.Cc, names)),
                ("AdminCc", List(watchers[t.Id], WatcherRole.AdminCc, names)),
                ("Created", RtValues.Date(t.Created, caller.Zone)),
                ("Starts", RtValues.Date(t.Starts, caller.Zone)),
                ("Started", RtValues.Date(t.Started, caller.Zone)),
                ("Due", RtValues.Date(t.Due, caller.Zone)),
                ("Resolved", RtValues.Date(t.Resolved, caller.Zone)),
                ("Told", RtValues.Date(t.Told, caller.Zone)),
                ("LastUpdated", RtValues.Date(t.LastUpdated, caller.Zone)),
                ("TimeEstimated", RtValues.Minutes(t.TimeEstimated)),
                ("TimeWorked", RtValues.Minutes(t.TimeWorked)),
                ("TimeLeft", RtValues.Minutes(t.TimeLeft)),
            };
            all.AddRange(customFields[t.Id]);

            var form = new RtForm();
            if (fields is null or { Count: 0 })
            {
                form.Fields.AddRange(all);
                return form;
            }
            form.Fields.Add(all[0]);
            foreach (var field in fields.Where(f => f != "id"))
            {
                var found = all.FirstOrDefault(a => a.Key.Equals(field, StringComparison.OrdinalIgnoreCase));
                form.Fields.Add(found.Key is null ? (field, "") : found);
            }
            return form;
        }).ToList();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string List(IEnumerable<TicketWatcher> watchers, WatcherRole role, IReadOnlyDictionary<int, (string Name, string? Email)> names) =>
        string.Join(", ", watchers.Where(w => w.Role == role).Select(w => RtFormText.QuoteListItem(RtPeople.Watcher(w, names))));

    /// <summary>Each ticket's <c>CF.{Name}</c> fields: the fields of its queue the caller may see (SeeCustomField).</summary>
    private async Task<ILookup<int, (string, string)>> CustomFieldsAsync(IReadOnlyList<Ticket> tickets, RtCaller caller, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var fields = await db.CustomFields.AsNoTracking().Where(f => !f.Disabled).Include(f => f.Queues).OrderBy(f => f.Name).ToListAsync(ct);
        if (fields.Count == 0) return Array.Empty<(int, (string, string))>().ToLookup(x => x.Item1, x => x.Item2);
        var values = (await db.CustomFieldValues.AsNoTracking().Where(v => ids.Contains(v.TicketId)).ToListAsync(ct))
            .ToLookup(v => (v.TicketId, v.CustomFieldId), v => v.Value);
        var subject = await rights.SubjectAsync(caller.Actor.Id, ct);
        return tickets.SelectMany(t => fields
                .Where(f => (f.AppliesGlobally || f.Queues.Any(q => q.QueueId == t.QueueId)) && subject.Has(Right.SeeCustomField, t.QueueId))
                .Select(f => (t.Id, ($"CF.{{{f.Name}}}", string.Join(", ", values[(t.Id, f.Id)].Select(RtFormText.QuoteListItem))))))
            .ToLookup(x => x.Id, x => x.Item2);
    }
}
