using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Api.Json;
using NocBoard.Search;
using NocBoard.Search.Bulk;

namespace NocBoard.Api.Tickets;

/// <summary>TicketSQL search with paging and sorting, and bulk update.</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Search");
        tickets.MapGet("/", SearchAsync).WithName("SearchTickets").WithSummary("Search tickets with TicketSQL")
            .WithDescription("Only tickets the caller may see are found. Example: query=Queue = 'General' AND Status = '__Active__', orderBy=Priority DESC, Due. A query that cannot be run answers 400 with its position.");
        tickets.MapPost("/bulk", BulkAsync).WithName("BulkUpdateTickets").WithSummary("Apply the same changes to many tickets")
            .WithDescription("Each ticket is changed through the write path in its own commit; refusals are listed per ticket and do not stop the others.")
            .Accepts<BulkInput>("application/json");
    }

    private static async Task<Results<Ok<SearchPage>, ProblemHttpResult>> SearchAsync(HttpContext http, TicketSearch search, TicketViewBuilder views,
        [Description("TicketSQL, e.g. Queue = 'General' AND Status = 'open'. Empty: every ticket you may see.")] string? query = null,
        [Description("e.g. 'Priority DESC, id'. Default: by number.")] string? orderBy = null,
        int page = 1,
        [Description("1 to 1000; default 50.")] int pageSize = 50)
    {
        if (page < 1) return ApiProblems.BadRequest("Invalid paging", "'page' starts at 1.", "page");
        if (pageSize is < 1 or > TicketSearch.MaxPageSize)
            return ApiProblems.BadRequest("Invalid paging", $"'pageSize' is between 1 and {TicketSearch.MaxPageSize}.", "pageSize");
        try
        {
            var result = await search.SearchAsync(query, http.Actor(), orderBy, page, pageSize, http.RequestAborted);
            return TypedResults.Ok(new SearchPage(result.Total, result.Page, result.PageSize, result.Pages,
                await views.SummariesAsync(result.Tickets, http.RequestAborted)));
        }
        catch (TicketSqlException e)
        {
            var problem = ApiProblems.BadRequest("Invalid TicketSQL", e.Message, e.Part == TicketSqlPart.OrderBy ? "orderBy" : "query");
            problem.ProblemDetails.Extensions["position"] = e.Position;
            return problem;
        }
    }

    private static async Task<Results<Ok<BulkResult>, ProblemHttpResult>> BulkAsync(HttpContext http, BulkUpdate bulk)
    {
        var (input, problem) = await ApiJson.ReadAsync<BulkInput>(http.Request);
        if (problem is not null) return problem;
        if ((input!.Tickets is null) == (input.Query is null))
            return ApiProblems.BadRequest("Choose the tickets", "Give either 'tickets' (numbers) or 'query' (TicketSQL), not both.", "tickets");
        var changes = new BulkChanges
        {
            Status = input.Status, OwnerId = input.OwnerId, Nobody = input.Nobody, QueueId = input.QueueId,
            Priority = input.Priority, Comment = input.Comment,
        };
        try
        {
            var outcome = input.Tickets is { } ids
                ? await bulk.ApplyAsync(ids, changes, http.Actor(), http.RequestAborted)
                : await bulk.ApplyToSearchAsync(input.Query!, changes, http.Actor(), http.RequestAborted);
            return TypedResults.Ok(new BulkResult(outcome.Updated, outcome.Refused.Select(r => new BulkRefusal(r.Ticket, r.Reason)).ToList()));
        }
        catch (TicketSqlException e)
        {
            return ApiProblems.BadRequest("Invalid TicketSQL", e.Message, "query");
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Problem(422, "The change was refused", e.Message, input.Tickets is null ? "query" : "tickets");
        }
    }
}
