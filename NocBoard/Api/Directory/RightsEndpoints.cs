using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Rights;
using NocBoard.Api.Json;
using static NocBoard.Api.Json.AdminResults;

namespace NocBoard.Api.Directory;

/// <summary>Grant or revoke one right for exactly one of a user, a group or a role, on a queue or globally.</summary>
public sealed record GrantInput(
    [property: Description("A right's name, e.g. ShowTicket.")] string Right,
    bool Granted,
    int? UserId = null,
    int? GroupId = null,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RoleName>))] RoleName? Role = null,
    [property: Description("Null: globally.")] int? QueueId = null);

/// <summary>/api/v1/rights, through <see cref="RightsAdmin"/> (SuperUser globally, AdminQueue on a queue).</summary>
public static class RightsEndpoints
{
    public static void MapRightsEndpoints(this RouteGroupBuilder api)
    {
        var rights = api.MapGroup("/rights").WithTags("Rights");
        rights.MapGet("/", Grid).WithName("GetRights")
            .WithSummary("The rights grid of one principal (userId, groupId or role) on a queue or globally");
        rights.MapPut("/", (HttpContext http, RightsAdmin admin) => WithBody<GrantInput, NoContent>(http, async g =>
            {
                var principal = new RightsPrincipal(g.UserId, g.GroupId, g.Role);
                if (!principal.IsOne) return Problem();
                return Answer(await admin.SetAsync(http.Actor(), principal, g.Right, g.QueueId, g.Granted, http.RequestAborted));
            }))
            .WithName("SetRight").WithSummary("Grant or revoke a right").Accepts<GrantInput>("application/json");
    }

    private static async Task<Results<Ok<RightsGridView>, ProblemHttpResult>> Grid(HttpContext http, RightsAdmin admin,
        int? userId = null, int? groupId = null, RoleName? role = null, [Description("Null: global rights.")] int? queueId = null)
    {
        var principal = new RightsPrincipal(userId, groupId, role);
        if (!principal.IsOne) return Problem();
        return Answer(await admin.GridAsync(http.Actor(), principal, queueId, http.RequestAborted));
    }

    private static ProblemHttpResult Problem() =>
        ApiProblems.BadRequest("Choose one principal", "Name exactly one of userId, groupId or role.", "userId");
}
