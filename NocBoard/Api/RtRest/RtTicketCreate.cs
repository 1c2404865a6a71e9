using System.Globalization;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Creates a ticket from an <c>id: ticket/new</c> form (what <c>rt create -t ticket set ...</c>
/// sends back), with RT's keys. An unknown key creates nothing (RT: 409 and <c># key: Unknown field</c>).
/// </summary>
public sealed class RtTicketCreate(TicketService tickets, RtPeople people, RtCustomFieldNames customFields)
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
        { "id", "Requestors", "Attachment", "Text", "Content-Type", "SLA", "Started", "Resolved" };

    public async Task<RtOutcome> CreateAsync(RtForm form, IFormFileCollection files, RtCaller caller, CancellationToken ct)
    {
        var errors = new List<string>();
        var values = form.Grouped().ToDictionary(g => g.Key, g => g.Values, StringComparer.OrdinalIgnoreCase);
        string One(string key) => values.TryGetValue(key, out var v) ? string.Join(", ", v).Trim() : "";

        foreach (var key in values.Keys.Where(k => !Known(k) && !Ignored.Contains(k)))
            errors.Add($"{key}: Unknown field");
        if (errors.Count > 0) return RtOutcome.Refused(["Could not create ticket.", .. errors]);

        try
        {
            var timeWorked = Minutes(One("TimeWorked"), "TimeWorked");
            var ticket = new NewTicket
            {
                QueueId = int.TryParse(One("Queue"), out var queueId) ? queueId : null,
                QueueName = One("Queue") is { Length: > 0 } q && !int.TryParse(q, out _) ? q : null,
                Subject = One("Subject"),
                Status = Optional(One("Status")),
                OwnerId = await people.OwnerAsync(One("Owner"), ct),
                Requestors = await WatchersAsync(values, "Requestor", ct),
                Cc = await WatchersAsync(values, "Cc", ct),
                AdminCc = await WatchersAsync(values, "AdminCc", ct),
                Priority = Number(One("Priority"), "Priority"),
                InitialPriority = Number(One("InitialPriority"), "InitialPriority"),
                FinalPriority = Number(One("FinalPriority"), "FinalPriority"),
                TimeEstimated = Minutes(One("TimeEstimated"), "TimeEstimated"),
                TimeLeft = One("TimeLeft").Length > 0 ? Minutes(One("TimeLeft"), "TimeLeft") : null,
                Due = Date(One("Due"), "Due", caller),
                Starts = Date(One("Starts"), "Starts", caller),
                CustomFields = await CustomFieldsAsync(values, ct),
                Content = await RtMessage.ReadAsync(form, files, timeWorked, ct),
            };
            if (ticket.QueueId is null && ticket.QueueName is null) return RtOutcome.Refused("Could not create ticket.", "Queue: a new ticket needs a queue.");
            var result = await tickets.CreateAsync(ticket, caller.Actor, ct);
            return result.Succeeded
                ? RtOutcome.Done($"Ticket {result.Ticket!.Id} created.")
                : RtOutcome.Done("Could not create ticket.", result.Error!.Message);
        }
        catch (RtFieldException e)
        {
            return RtOutcome.Refused("Could not create ticket.", e.Message);
        }
    }

    private static readonly string[] Keys =
    [
        "Queue", "Requestor", "Subject", "Cc", "AdminCc", "Owner", "Status", "Priority", "InitialPriority",
        "FinalPriority", "TimeEstimated", "TimeWorked", "TimeLeft", "Starts", "Due",
    ];

    private static bool Known(string key) =>
        Keys.Contains(key, StringComparer.OrdinalIgnoreCase) || RtCustomFieldNames.NameIn(key) is not null;

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static int? Number(string value, string key) =>
        value.Length == 0 ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new RtFieldException($"{key}: '{value}' is not a whole number.");

    private static int Minutes(string value, string key) =>
        RtValues.TryParseMinutes(value, out var m) ? m : throw new RtFieldException($"{key}: '{value}' is not a number of minutes.");

    private static DateTimeOffset? Date(string value, string key, RtCaller caller) =>
        RtValues.TryParseDate(value, caller.Zone, out var date) ? date : throw new RtFieldException($"{key}: '{value}' is not a date.");

    private async Task<IReadOnlyList<WatcherRef>> WatchersAsync(Dictionary<string, IReadOnlyList<string>> values, string key, CancellationToken ct)
    {
        var refs = new List<WatcherRef>();
        if (!values.TryGetValue(key, out var raw)) return refs;
        foreach (var item in RtFormText.SplitList(raw))
        {
            try { refs.Add(await people.WatcherAsync(item, ct)); }
            catch (RtFieldException e) { throw new RtFieldException($"{key}: {e.Message}"); }
        }
        return refs;
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> CustomFieldsAsync(Dictionary<string, IReadOnlyList<string>> values, CancellationToken ct)
    {
        var result = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var (key, raw) in values)
        {
            if (RtCustomFieldNames.NameIn(key) is not { } name) continue;
            var list = RtFormText.SplitList(raw);
            if (list.Count > 0) result[await customFields.IdAsync(name, ct)] = list;
        }
        return result;
    }
}
