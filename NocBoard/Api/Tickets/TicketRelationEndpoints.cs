using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Api.Json;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.Tickets;

/// <summary>A ticket's history, links, watchers, custom fields and attachments.</summary>
public static class TicketRelationEndpoints
{
    public static void MapTicketRelationEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/{id:int}/history", HistoryAsync).WithName("GetTicketHistory")
            .WithSummary("The ticket's transactions in order")
            .WithDescription("Includes tickets merged into it. Comments appear only with ShowTicketComments.");

        tickets.MapGet("/{id:int}/links", LinksAsync).WithName("GetTicketLinks").WithSummary("Links, named from this ticket's side");
        tickets.MapPost("/{id:int}/links", async (int id, HttpContext http, TicketWrites writes) =>
                await TicketEndpoints.Body<LinkInput>(http, l => writes.ApplyAsync(http, id, [new AddLink(l.Kind, l.Ticket)])))
            .WithName("AddTicketLink").WithSummary("Link to another ticket (DependsOn, RefersTo, MemberOf and their reverses)")
            .Accepts<LinkInput>("application/json");
        tickets.MapDelete("/{id:int}/links/{kind}/{other:int}", (int id, LinkKind kind, int other, HttpContext http, TicketWrites writes) =>
                writes.ApplyAsync(http, id, [new RemoveLink(kind, other)]))
            .WithName("RemoveTicketLink").WithSummary("Remove a link");

        tickets.MapGet("/{id:int}/watchers", WatchersAsync).WithName("GetTicketWatchers").WithSummary("Requestors, Cc and AdminCc");
        tickets.MapPost("/{id:int}/watchers", async (int id, HttpContext http, TicketWrites writes) =>
                await TicketEndpoints.Body<WatcherInput>(http, async w =>
                {
                    var (watcher, problem) = await writes.WatcherAsync(w.Watcher, "watcher", http.RequestAborted);
                    if (problem is not null) return problem;
                    return await writes.ApplyAsync(http, id, [new AddWatcher(w.Role, watcher!)]);
                }))
            .WithName("AddTicketWatcher").WithSummary("Add a Requestor, Cc or AdminCc").Accepts<WatcherInput>("application/json");
        tickets.MapDelete("/{id:int}/watchers/{role}/{watcher}", async (int id, WatcherRole role, string watcher, HttpContext http, TicketWrites writes) =>
            {
                var (found, problem) = await writes.WatcherAsync(watcher, "watcher", http.RequestAborted);
                if (problem is not null) return problem;
                return await writes.ApplyAsync(http, id, [new RemoveWatcher(role, found!)]);
            })
            .WithName("RemoveTicketWatcher").WithSummary("Remove a watcher (an email address, user name or user id)");

        tickets.MapGet("/{id:int}/custom-fields", CustomFieldsAsync).WithName("GetTicketCustomFields")
            .WithSummary("The custom fields of the ticket's queue, with values (needs SeeCustomField)");
        tickets.MapPut("/{id:int}/custom-fields/{fieldId:int}", async (int id, int fieldId, HttpContext http, TicketWrites writes) =>
                await TicketEndpoints.Body<CustomFieldInput>(http, c => writes.ApplyAsync(http, id, [new SetCustomField(fieldId, c.Values)])))
            .WithName("SetTicketCustomField").WithSummary("Replace a custom field's values (an empty list clears it)")
            .Accepts<CustomFieldInput>("application/json");
    }

    public static void MapAttachmentEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/attachments/{id:long}", DownloadAsync).WithTags("Tickets").WithName("DownloadAttachment")
            .WithSummary("Download a file attached to a message")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
    }

    private static async Task<Results<Ok<IReadOnlyList<TransactionView>>, ProblemHttpResult>> HistoryAsync(int id, HttpContext http,
        TicketReader reader, TicketViewBuilder views)
    {
        var history = await reader.HistoryAsync(id, http.Actor(), http.RequestAborted);
        if (history is null) return ApiProblems.TicketNotFound(id);
        return TypedResults.Ok(await views.HistoryAsync(history, http.RequestAborted));
    }

    private static async Task<Results<Ok<IReadOnlyList<LinkView>>, ProblemHttpResult>> LinksAsync(int id, HttpContext http,
        TicketReader reader, TicketViewBuilder views)
    {
        var actor = http.Actor();
        var ticket = await reader.GetAsync(id, actor, http.RequestAborted);
        if (ticket is null) return ApiProblems.TicketNotFound(id);
        var links = await reader.LinksAsync(ticket.Id, actor, http.RequestAborted) ?? [];
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Ok(await views.LinksAsync(ticket, links, await reader.QueryAsync(actor, http.RequestAborted), http.RequestAborted));
    }

    private static async Task<Results<Ok<WatchersView>, ProblemHttpResult>> WatchersAsync(int id, HttpContext http,
        TicketReader reader, TicketViewBuilder views)
    {
        var ticket = await reader.GetAsync(id, http.Actor(), http.RequestAborted);
        if (ticket is null) return ApiProblems.TicketNotFound(id);
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Ok(await views.WatchersAsync(ticket, http.RequestAborted));
    }

    private static async Task<Results<Ok<IReadOnlyList<CustomFieldValuesView>>, ProblemHttpResult>> CustomFieldsAsync(int id, HttpContext http,
        TicketReader reader, TicketViewBuilder views)
    {
        var actor = http.Actor();
        var ticket = await reader.GetAsync(id, actor, http.RequestAborted);
        if (ticket is null) return ApiProblems.TicketNotFound(id);
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Ok(await views.CustomFieldsAsync(ticket, actor, http.RequestAborted));
    }

    /// <summary>Same rules as the page's download: only for those who may see the message; always a download, never rendered.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(long id, HttpContext http, NocDbContext db,
        TicketReader reader, RightsService rights)
    {
        var actor = http.Actor();
        var ct = http.RequestAborted;
        var found = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Join(db.Transactions, a => a.TransactionId, t => t.Id, (a, t) => new { Attachment = a, t.TicketId, t.Type })
            .SingleOrDefaultAsync(ct);
        var missing = ApiProblems.Problem(404, "Not found", $"There is no attachment #{id}.");
        if (found is null) return missing;
        var ticket = await reader.GetAsync(found.TicketId, actor, ct);
        if (ticket is null) return missing;
        if (found.Type == TransactionType.Comment && !await rights.HasOnTicketAsync(actor.Id, Right.ShowTicketComments, ticket, ct))
            return missing;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(found.Attachment.Content, found.Attachment.ContentType, found.Attachment.FileName ?? $"message-{id}.txt");
    }
}
