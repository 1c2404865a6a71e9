using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Accounts;
using NocBoard.Api.Json;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.Tickets;

/// <summary>/api/v1/tickets: create, read and change tickets, one ticket per call.</summary>
public static class TicketEndpoints
{
    public static void MapTicketEndpoints(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");

        tickets.MapPost("/", CreateAsync).WithName("CreateTicket").WithSummary("Create a ticket")
            .WithDescription("Needs CreateTicket in the queue. Answers 201 with the ticket, its Location and ETag.")
            .Accepts<NewTicketInput>("application/json");

        tickets.MapGet("/{id:int}", GetAsync).WithName("GetTicket").WithSummary("Read a ticket")
            .WithDescription("A merged number answers with the ticket it was merged into. The ETag header carries the version.");

        tickets.MapPatch("/{id:int}", UpdateAsync).WithName("UpdateTicket").WithSummary("Change fields, status, owner, queue and custom fields at once")
            .WithDescription("All the changes commit together or none does. Send If-Match with the ETag to refuse the write (412) when the ticket changed since.")
            .Accepts<TicketUpdateInput>("application/json");

        tickets.MapPut("/{id:int}/status", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<StatusInput>(http, s => writes.ApplyAsync(http, id, [new SetStatus(s.Status, s.Force)])))
            .WithName("SetTicketStatus").WithSummary("Change the status along the queue's lifecycle").Accepts<StatusInput>("application/json");

        tickets.MapPut("/{id:int}/owner", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<OwnerInput>(http, o => writes.ApplyAsync(http, id, [new SetOwner(o.OwnerId)])))
            .WithName("SetTicketOwner").WithSummary("Take, steal, give or untake (null owner)").Accepts<OwnerInput>("application/json");

        tickets.MapPut("/{id:int}/queue", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<QueueMoveInput>(http, q => writes.ApplyAsync(http, id, [new SetQueue(q.QueueId)])))
            .WithName("SetTicketQueue").WithSummary("Move the ticket to another queue").Accepts<QueueMoveInput>("application/json");

        tickets.MapPut("/{id:int}/priority", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<PriorityInput>(http, p => writes.ApplyAsync(http, id,
                    [new SetField(TicketField.Priority, p.Priority.ToString(CultureInfo.InvariantCulture))])))
            .WithName("SetTicketPriority").WithSummary("Change the priority").Accepts<PriorityInput>("application/json");

        tickets.MapPost("/{id:int}/time-worked", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<TimeWorkedInput>(http, t => writes.ApplyAsync(http, id, [new AddTimeWorked(t.Minutes)])))
            .WithName("AddTimeWorked").WithSummary("Record time worked, in minutes").Accepts<TimeWorkedInput>("application/json");

        tickets.MapPost("/{id:int}/merge", async (int id, HttpContext http, TicketWrites writes) =>
                await Body<MergeInput>(http, m => writes.ApplyAsync(http, id, [new Merge(m.Into)])))
            .WithName("MergeTicket").WithSummary("Merge this ticket into another")
            .WithDescription("Needs ModifyTicket on both. Answers with the ticket it was merged into.").Accepts<MergeInput>("application/json");

        tickets.MapTicketMessageEndpoints();
        tickets.MapTicketRelationEndpoints();
    }

    // Scripts and alert bridges create many tickets at once: their creations are committed in groups.
    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> CreateAsync(HttpContext http, TicketWriteQueue service,
        TicketWrites writes, TicketViewBuilder views)
    {
        var (input, problem) = await ApiJson.ReadAsync<NewTicketInput>(http.Request);
        if (problem is not null) return problem;
        if (input!.QueueId is null && string.IsNullOrWhiteSpace(input.Queue))
            return ApiProblems.BadRequest("Missing field", "A new ticket needs a queue: 'queueId' or 'queue' (its name).", "queueId");
        var ct = http.RequestAborted;
        var (requestors, p1) = await writes.WatchersAsync(input.Requestors, "requestors", ct);
        if (p1 is not null) return p1;
        var (cc, p2) = await writes.WatchersAsync(input.Cc, "cc", ct);
        if (p2 is not null) return p2;
        var (adminCc, p3) = await writes.WatchersAsync(input.AdminCc, "adminCc", ct);
        if (p3 is not null) return p3;

        var actor = http.Actor();
        var result = await service.CreateAsync(new NewTicket
        {
            QueueId = input.QueueId,
            QueueName = input.QueueId is null ? input.Queue : null,
            Subject = input.Subject,
            Status = input.Status,
            OwnerId = input.OwnerId,
            Requestors = requestors,
            Cc = cc,
            AdminCc = adminCc,
            Priority = input.Priority,
            InitialPriority = input.InitialPriority,
            FinalPriority = input.FinalPriority,
            TimeEstimated = input.TimeEstimated ?? 0,
            TimeWorked = input.TimeWorked ?? 0,
            TimeLeft = input.TimeLeft,
            Due = input.Due,
            Starts = input.Starts,
            CustomFields = input.CustomFields ?? new Dictionary<int, IReadOnlyList<string>>(),
            Content = input.Content is null ? null : new TicketMessage(input.Content, input.ContentType ?? "text/plain"),
        }, [], actor, ct);
        if (!result.Succeeded) return ApiProblems.From(result.Error!);
        var ticket = result.Ticket!;
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Created($"{http.Request.PathBase}/api/v1/tickets/{ticket.Id}", await views.ViewAsync(ticket, actor, ct));
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetAsync(int id, HttpContext http, TicketReader reader, TicketViewBuilder views)
    {
        var actor = http.Actor();
        var ticket = await reader.GetAsync(id, actor, http.RequestAborted);
        if (ticket is null) return ApiProblems.TicketNotFound(id);
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Ok(await views.ViewAsync(ticket, actor, http.RequestAborted));
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> UpdateAsync(int id, HttpContext http, TicketWrites writes)
    {
        var (input, problem) = await ApiJson.ReadAsync<TicketUpdateInput>(http.Request);
        if (problem is not null) return problem;
        var changes = new List<TicketChange>();
        void Field(TicketField field, string? value) { if (value is not null) changes.Add(new SetField(field, value)); }
        static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

        if (input!.QueueId is { } queue) changes.Add(new SetQueue(queue));
        Field(TicketField.Subject, input.Subject);
        Field(TicketField.Priority, Number(input.Priority));
        Field(TicketField.InitialPriority, Number(input.InitialPriority));
        Field(TicketField.FinalPriority, Number(input.FinalPriority));
        Field(TicketField.TimeEstimated, Number(input.TimeEstimated));
        Field(TicketField.TimeLeft, Number(input.TimeLeft));
        Field(TicketField.Due, input.Due);
        Field(TicketField.Starts, input.Starts);
        foreach (var (fieldId, values) in input.CustomFields ?? new Dictionary<int, IReadOnlyList<string>>())
            changes.Add(new SetCustomField(fieldId, values));
        if (input.OwnerId is { } owner) changes.Add(new SetOwner(owner));
        // Status last, so a resolve sees the other changes of the same request.
        if (input.Status is not null) changes.Add(new SetStatus(input.Status));
        return await writes.ApplyAsync(http, id, changes);
    }

    /// <summary>Reads a JSON body and runs the write, or answers with the body's problem.</summary>
    internal static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Body<T>(HttpContext http,
        Func<T, Task<Results<Ok<TicketView>, ProblemHttpResult>>> write) where T : class
    {
        var (input, problem) = await ApiJson.ReadAsync<T>(http.Request);
        if (problem is not null) return problem;
        return await write(input!);
    }
}
