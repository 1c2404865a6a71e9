using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Admin.Queues;
using NocBoard.Api.Json;
using NocBoard.Queues;
using static NocBoard.Api.Json.AdminResults;

namespace NocBoard.Api.Directory;

/// <summary>A queue as anyone who may see it knows it.</summary>
public sealed record QueueView(int Id, string Name, string? Description, string Lifecycle, IReadOnlyList<string> Statuses);

/// <summary>/api/v1/queues: read what SeeQueue allows; administer with AdminQueue (through <see cref="QueueAdmin"/>).</summary>
public static class QueueEndpoints
{
    public static void MapQueueEndpoints(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");

        queues.MapGet("/", async (HttpContext http, QueueDirectory directory) =>
                TypedResults.Ok((await directory.VisibleAsync(http.Actor(), http.RequestAborted)).Select(View).ToList()))
            .WithName("ListQueues").WithSummary("The enabled queues you may see (SeeQueue)");

        queues.MapGet("/{id:int}", async Task<Results<Ok<QueueView>, ProblemHttpResult>> (int id, HttpContext http, QueueDirectory directory) =>
                (await directory.VisibleAsync(http.Actor(), http.RequestAborted)).FirstOrDefault(q => q.Id == id) is { } queue
                    ? TypedResults.Ok(View(queue))
                    : ApiProblems.Problem(404, "Not found", $"There is no queue #{id}."))
            .WithName("GetQueue").WithSummary("A queue you may see, with its lifecycle's statuses");

        queues.MapGet("/{id:int}/settings", async (int id, HttpContext http, QueueAdmin admin) =>
                Answer(await admin.GetAsync(http.Actor(), id, http.RequestAborted)))
            .WithName("GetQueueSettings").WithSummary("A queue's settings, watchers and custom fields (AdminQueue)");

        queues.MapPost("/", (HttpContext http, QueueAdmin admin) =>
                WithBody<QueueForm, Created<CreatedId>>(http, async form => Created(await admin.CreateAsync(http.Actor(), form, http.RequestAborted), "/api/v1/queues")))
            .WithName("CreateQueue").WithSummary("Create a queue (AdminQueue globally)").Accepts<QueueForm>("application/json");

        queues.MapPut("/{id:int}", (int id, HttpContext http, QueueAdmin admin) =>
                WithBody<QueueForm, NoContent>(http, async form => Answer(await admin.UpdateAsync(http.Actor(), id, form, http.RequestAborted))))
            .WithName("UpdateQueue").WithSummary("Change a queue's settings (AdminQueue on it)").Accepts<QueueForm>("application/json");

        queues.MapPut("/{id:int}/disabled", (int id, HttpContext http, QueueAdmin admin) =>
                WithBody<DisabledInput, NoContent>(http, async d => Answer(await admin.SetDisabledAsync(http.Actor(), id, d.Disabled, http.RequestAborted))))
            .WithName("SetQueueDisabled").WithSummary("Disable or enable a queue (queues are never deleted)").Accepts<DisabledInput>("application/json");
    }

    private static QueueView View(Queue q) => new(q.Id, q.Name, q.Description, q.Lifecycle.Name, q.Lifecycle.Statuses.Select(s => s.Name).ToList());
}
