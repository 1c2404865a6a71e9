using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.CustomFields;
using NocBoard.Api.Json;
using NocBoard.CustomFields;
using NocBoard.Data;
using NocBoard.Queues;
using static NocBoard.Api.Json.AdminResults;

namespace NocBoard.Api.Directory;

public sealed record CustomFieldView(int Id, string Name, string? Description, CustomFieldType Type, IReadOnlyList<string> Values,
    bool AppliesGlobally, IReadOnlyList<int> QueueIds);

/// <summary>/api/v1/custom-fields: the fields of queues you may see (SeeCustomField); AdminCustomField manages them.</summary>
public static class CustomFieldEndpoints
{
    public static void MapCustomFieldEndpoints(this RouteGroupBuilder api)
    {
        var fields = api.MapGroup("/custom-fields").WithTags("Custom fields");
        fields.MapGet("/", ListAsync).WithName("ListCustomFields")
            .WithSummary("Enabled custom fields that apply to queues where you have SeeQueue and SeeCustomField");
        fields.MapGet("/{id:int}", async Task<Results<Ok<CustomFieldView>, ProblemHttpResult>> (int id, HttpContext http, NocDbContext db,
                QueueDirectory queues, RightsService rights) =>
                (await VisibleAsync(http, db, queues, rights)).FirstOrDefault(f => f.Id == id) is { } field
                    ? TypedResults.Ok(field)
                    : ApiProblems.Problem(404, "Not found", $"There is no custom field #{id}."))
            .WithName("GetCustomField").WithSummary("A custom field you may see");
        fields.MapPost("/", (HttpContext http, CustomFieldAdmin admin) =>
                WithBody<CustomFieldForm, Created<CreatedId>>(http, async form => Created(await admin.CreateAsync(http.Actor(), form, http.RequestAborted), "/api/v1/custom-fields")))
            .WithName("CreateCustomField").WithSummary("Create a custom field (AdminCustomField)").Accepts<CustomFieldForm>("application/json");
        fields.MapPut("/{id:int}", (int id, HttpContext http, CustomFieldAdmin admin) =>
                WithBody<CustomFieldForm, NoContent>(http, async form => Answer(await admin.UpdateAsync(http.Actor(), id, form, http.RequestAborted))))
            .WithName("UpdateCustomField").WithSummary("Change a custom field (AdminCustomField)").Accepts<CustomFieldForm>("application/json");
        fields.MapPut("/{id:int}/disabled", (int id, HttpContext http, CustomFieldAdmin admin) =>
                WithBody<DisabledInput, NoContent>(http, async d => Answer(await admin.SetDisabledAsync(http.Actor(), id, d.Disabled, http.RequestAborted))))
            .WithName("SetCustomFieldDisabled").WithSummary("Disable or enable a custom field (AdminCustomField)").Accepts<DisabledInput>("application/json");
    }

    private static async Task<Ok<List<CustomFieldView>>> ListAsync(HttpContext http, NocDbContext db, QueueDirectory queues, RightsService rights) =>
        TypedResults.Ok(await VisibleAsync(http, db, queues, rights));

    private static async Task<List<CustomFieldView>> VisibleAsync(HttpContext http, NocDbContext db, QueueDirectory queues, RightsService rights)
    {
        var actor = http.Actor();
        var subject = await rights.SubjectAsync(actor.Id, http.RequestAborted);
        var queueIds = (await queues.VisibleAsync(actor, http.RequestAborted)).Where(q => subject.Has(Right.SeeCustomField, q.Id))
            .Select(q => q.Id).ToHashSet();
        var all = await db.CustomFields.AsNoTracking().Include(f => f.Queues).Where(f => !f.Disabled).OrderBy(f => f.Name).ToListAsync(http.RequestAborted);
        return all.Where(f => queueIds.Count > 0 && (f.AppliesGlobally || f.Queues.Any(q => queueIds.Contains(q.QueueId))))
            .Select(f => new CustomFieldView(f.Id, f.Name, f.Description, f.Type, f.Values,
                f.AppliesGlobally, f.Queues.Select(q => q.QueueId).Where(queueIds.Contains).ToList()))
            .ToList();
    }
}
