using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;

namespace NocBoard.Search.Export;

/// <summary>Search results as CSV: the tickets the user may see that match, streamed row by row.</summary>
public static class CsvExport
{
    public const int MaxRows = 100_000;

    public static IEndpointRouteBuilder MapCsvExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search/export.csv", async (string? query, string? orderBy, HttpContext http, ActorLookup actors,
            TicketSearch search, NocDbContext db, CancellationToken ct) =>
        {
            var actor = await actors.ForPrincipalAsync(http.User, ct);
            if (actor is null) return Results.Challenge();
            IQueryable<Tickets.Ticket> tickets;
            try
            {
                tickets = TicketOrdering.Apply(await search.QueryAsync(query, actor, ct), TicketOrdering.Parse(orderBy), db);
            }
            catch (TicketSqlException e)
            {
                return Results.Problem(title: "The search cannot be run", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            var rows = tickets.Take(MaxRows)
                .GroupJoin(db.Queues, t => t.QueueId, q => q.Id, (t, qs) => new { t, qs })
                .SelectMany(x => x.qs.DefaultIfEmpty(), (x, q) => new { x.t, Queue = q != null ? q.Name : "" })
                .GroupJoin(db.Users, x => x.t.OwnerId, u => u.Id, (x, us) => new { x.t, x.Queue, us })
                .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new TicketCsvRow
                {
                    Id = x.t.Id, Subject = x.t.Subject, Queue = x.Queue, Status = x.t.Status, Owner = u != null ? u.UserName : "Nobody",
                    Priority = x.t.Priority, Created = x.t.Created, LastUpdated = x.t.LastUpdated, Due = x.t.Due, Resolved = x.t.Resolved,
                    TimeWorked = x.t.TimeWorked,
                })
                .AsAsyncEnumerable();
            return Results.Stream(async body =>
            {
                // Subjects come from email: a subject such as "=HYPERLINK(...)" must not become a formula in a spreadsheet.
                await using var csv = CsvWriter.Create(body, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
                await csv.WriteRecordsAsync(rows, ct);
                await csv.FlushAsync(ct);
            }, "text/csv; charset=utf-8", "tickets.csv");
        }).RequireAuthorization(StaffPolicy.Name);
        return app;
    }
}

[CsvRecord]
public sealed partial class TicketCsvRow
{
    public int Id { get; init; }
    public string Subject { get; init; } = "";
    public string Queue { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Owner { get; init; }
    public int Priority { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastUpdated { get; init; }
    public DateTimeOffset? Due { get; init; }
    public DateTimeOffset? Resolved { get; init; }
    public int TimeWorked { get; init; }
}
