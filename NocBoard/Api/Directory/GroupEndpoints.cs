using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Admin.Groups;
using NocBoard.Api.Json;
using static NocBoard.Api.Json.AdminResults;

namespace NocBoard.Api.Directory;

public sealed record MemberInput(int UserId);

/// <summary>/api/v1/groups, through <see cref="GroupAdmin"/> (AdminGroups).</summary>
public static class GroupEndpoints
{
    public static void MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", async (HttpContext http, GroupAdmin admin) => Answer(await admin.ListAsync(http.Actor(), http.RequestAborted)))
            .WithName("ListGroups").WithSummary("Groups (AdminGroups)");
        groups.MapGet("/{id:int}", async (int id, HttpContext http, GroupAdmin admin) => Answer(await admin.GetAsync(http.Actor(), id, http.RequestAborted)))
            .WithName("GetGroup").WithSummary("A group and its members (AdminGroups)");
        groups.MapPost("/", (HttpContext http, GroupAdmin admin) =>
                WithBody<GroupForm, Created<CreatedId>>(http, async form => Created(await admin.CreateAsync(http.Actor(), form, http.RequestAborted), "/api/v1/groups")))
            .WithName("CreateGroup").WithSummary("Create a group (AdminGroups)").Accepts<GroupForm>("application/json");
        groups.MapPut("/{id:int}", (int id, HttpContext http, GroupAdmin admin) =>
                WithBody<GroupForm, NoContent>(http, async form => Answer(await admin.UpdateAsync(http.Actor(), id, form, http.RequestAborted))))
            .WithName("UpdateGroup").WithSummary("Rename or describe a group (AdminGroups)").Accepts<GroupForm>("application/json");
        groups.MapPut("/{id:int}/disabled", (int id, HttpContext http, GroupAdmin admin) =>
                WithBody<DisabledInput, NoContent>(http, async d => Answer(await admin.SetDisabledAsync(http.Actor(), id, d.Disabled, http.RequestAborted))))
            .WithName("SetGroupDisabled").WithSummary("Disable or enable a group (AdminGroups)").Accepts<DisabledInput>("application/json");
        groups.MapPost("/{id:int}/members", (int id, HttpContext http, GroupAdmin admin) =>
                WithBody<MemberInput, NoContent>(http, async m => Answer(await admin.AddMemberAsync(http.Actor(), id, m.UserId, http.RequestAborted))))
            .WithName("AddGroupMember").WithSummary("Add a member (AdminGroups)").Accepts<MemberInput>("application/json");
        groups.MapDelete("/{id:int}/members/{userId:int}", async (int id, int userId, HttpContext http, GroupAdmin admin) =>
                Answer(await admin.RemoveMemberAsync(http.Actor(), id, userId, http.RequestAborted)))
            .WithName("RemoveGroupMember").WithSummary("Remove a member (AdminGroups)");
    }
}
