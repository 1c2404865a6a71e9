using System.Text;
using NocBoard.Tickets;
using NocBoard.Tickets.Display;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>ticket/42/history</c> (one line per transaction, or every transaction as a form with
/// <c>format=l</c>), <c>ticket/42/history/type/Correspond</c>, and <c>ticket/42/history/id/7</c>.
/// Comments are left out for those without ShowTicketComments, as in the web UI.
/// </summary>
public sealed class RtHistory(TicketReader reader, RtPeople people)
{
    private const string NoContent = "This transaction appears to have no content";

    public async Task<IReadOnlyList<RtForm>> ShowAsync(int id, string[] filter, string? format, RtCaller caller, CancellationToken ct)
    {
        var all = await reader.HistoryAsync(id, caller.Actor, ct);
        if (all is null) return [new RtForm().Comment($"Ticket {id} does not exist.")];
        var names = await people.NamesAsync(all.Select(t => t.ActorId)
            .Concat(all.SelectMany(t => new[] { t.OldValue, t.NewValue }).Select(v => int.TryParse(v, out var n) ? n : 0)), ct);
        string Name(int? userId) => userId is { } u && names.TryGetValue(u, out var n) ? n.Name : userId?.ToString() ?? "";

        if (filter.Length == 2 && filter[0].Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(filter[1], out var txId)) return [new RtForm().Comment($"Invalid transaction id '{filter[1]}'.")];
            var one = all.FirstOrDefault(t => t.Id == txId);
            if (one is null) return [new RtForm().Comment($"Transaction {txId} is not related to Ticket {id}")];
            var form = Entry(one, id, Name);
            form.Comments.Add($"1/{all.Count} (id/{txId}/total)");
            return [form];
        }

        var shown = all;
        var label = "";
        if (filter.Length == 2 && filter[0].Equals("type", StringComparison.OrdinalIgnoreCase))
        {
            shown = all.Where(t => t.Type.ToString().Equals(filter[1], StringComparison.OrdinalIgnoreCase)).ToList();
            label = $"type/{filter[1]}";
        }
        else if (filter.Length > 0)
        {
            return [new RtForm().Comment($"Unsupported history filter: {string.Join('/', filter)}")];
        }

        var header = $"{shown.Count}/{all.Count} ({label}/total)";
        if (format == "l")
        {
            var forms = shown.Select(t => Entry(t, id, Name)).ToList();
            if (forms.Count > 0) forms[0].Comments.Insert(0, header);
            return forms.Count > 0 ? forms : [new RtForm().Comment(header)];
        }
        var list = new StringBuilder();
        foreach (var t in shown) list.Append($"{t.Id}: {Description(t, Name)}\n");
        return [new RtForm { Error = list.ToString() }.Comment(header)];
    }

    private static string Description(TicketTransaction t, Func<int?, string> name) =>
        $"{TransactionText.Describe(t, name)} by {name(t.ActorId)}";

    private static RtForm Entry(TicketTransaction t, int ticketId, Func<int?, string> name)
    {
        var body = t.Attachments.FirstOrDefault(a => a.IsBody);
        var content = body is not null && body.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(body.Content).ReplaceLineEndings("\n").TrimEnd('\n')
            : NoContent;
        if (content.Length == 0) content = NoContent;
        return new RtForm()
            .Add("id", t.Id.ToString())
            .Add("Ticket", ticketId.ToString())
            .Add("TimeTaken", t.TimeTaken.ToString())
            .Add("Type", t.Type.ToString())
            .Add("Field", t.Field ?? "")
            .Add("OldValue", t.OldValue ?? "")
            .Add("NewValue", t.NewValue ?? "")
            .Add("Data", body?.Subject ?? "")
            .Add("Description", Description(t, name))
            .Add("Content", content)
            .Add("Creator", name(t.ActorId))
            .Add("Created", RtValues.Iso(t.Created))
            .Add("Attachments", t.Attachments.Count == 0 ? "" :
                "\n" + string.Join("\n", t.Attachments.Select(a => $"{a.Id}: {a.FileName ?? "untitled"} ({Size(a.Size)})")));
    }

    private static string Size(long bytes) => bytes >= 1024 ? $"{bytes / 1024}k" : $"{bytes}b";
}
