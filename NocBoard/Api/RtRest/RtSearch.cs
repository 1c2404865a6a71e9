using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Search;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>search/ticket</c> (<c>rt ls</c>): TicketSQL through <see cref="TicketSearch"/>, so rights
/// apply in the database; <c>orderby</c> as RT writes it (<c>-Created</c>); formats i, s and l.
/// Like RT there is no row limit.
/// </summary>
public sealed class RtSearch(TicketSearch search, NocDbContext db, RtTicketForms forms)
{
    public async Task<RtResponse> SearchAsync(RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var format = request["format"] is { Length: > 0 } f ? f : null;
        var fieldList = (request["fields"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (format is null) format = fieldList.Length > 0 ? "l" : "s";
        if (format is not ("i" or "s" or "l")) return new RtResponse(400, "Bad request", $"Unknown format: '{format}' (i, s or l).");
        var fields = new List<string>();
        foreach (var name in fieldList)
            fields.Add(RtTicketForms.Canonical(name) ?? "");
        if (fields.Contains("")) return RtResponse.BadRequest($"Invalid field specification: {request["fields"]}");

        List<NocBoard.Tickets.Ticket> tickets;
        try
        {
            var orders = TicketOrdering.Parse(OrderBy(request["orderby"]));
            var query = await search.QueryAsync(request["query"], caller.Actor, ct);
            tickets = await TicketOrdering.Apply(query, orders, db).ToListAsync(ct);
        }
        catch (TicketSqlException e)
        {
            return new RtResponse(400, "Bad request", $"Invalid query: '{e.Message}'.");
        }

        if (tickets.Count == 0) return RtResponse.Ok(format == "i" ? "" : "No matching results.");
        switch (format)
        {
            case "i":
                return RtResponse.Ok(string.Concat(tickets.Select(t => $"ticket/{t.Id}\n")));
            case "s" when fields.Count == 0:
                return RtResponse.Ok(string.Concat(tickets.Select(t => $"{t.Id}: {t.Subject}\n")));
            case "s":
                var rows = await forms.FormsAsync(tickets, caller, fields, ct);
                var table = new StringBuilder();
                table.Append(string.Join('\t', rows[0].Fields.Select(x => x.Key))).Append('\n');
                foreach (var row in rows)
                    table.Append(string.Join('\t', row.Fields.Select(x => x.Key == "id" ? x.Value["ticket/".Length..] : x.Value))).Append('\n');
                return RtResponse.Ok(table.ToString());
            default:
                return RtResponse.Ok(RtFormText.Compose(await forms.FormsAsync(tickets, caller, fields, ct)));
        }
    }

    /// <summary>RT's <c>-Created</c> / <c>+id</c> as TicketSQL's <c>Created DESC</c> / <c>id ASC</c>.</summary>
    private static string? OrderBy(string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy)) return null;
        return string.Join(", ", orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(o =>
            o.StartsWith('-') ? o[1..].Trim() + " DESC" : o.TrimStart('+').Trim()));
    }
}
