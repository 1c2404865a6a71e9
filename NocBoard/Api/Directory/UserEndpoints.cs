using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Users;
using NocBoard.Api.Json;
using NocBoard.Data;
using static NocBoard.Api.Json.AdminResults;

namespace NocBoard.Api.Directory;

/// <summary>A user as staff see them; email, privilege and disabled state only for AdminUsers.</summary>
public sealed record UserView(int Id, string UserName, string? RealName, string? Email, bool? Privileged, bool? Disabled);

/// <summary>/api/v1/users: staff see the staff list (owners to give tickets to); AdminUsers sees and manages everyone.</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");

        users.MapGet("/me", async (HttpContext http, NocDbContext db) =>
            {
                var actor = http.Actor();
                var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.Id, http.RequestAborted);
                return TypedResults.Ok(new UserView(me.Id, me.UserName!, me.RealName, me.Email, me.Privileged, me.Disabled));
            })
            .WithName("GetMe").WithSummary("The calling user");

        users.MapGet("/", ListAsync).WithName("ListUsers")
            .WithSummary("Users: everyone for AdminUsers (search matches name, real name, email), enabled staff for other staff");

        users.MapGet("/{id:int}", GetAsync).WithName("GetUser").WithSummary("A user (AdminUsers: with groups and settings)");

        users.MapPost("/", (HttpContext http, UserAdmin admin) =>
                WithBody<NewUserForm, Created<CreatedId>>(http, async form => Created(await admin.CreateAsync(http.Actor(), form, http.RequestAborted), "/api/v1/users")))
            .WithName("CreateUser").WithSummary("Create a user (AdminUsers)").Accepts<NewUserForm>("application/json");

        users.MapPut("/{id:int}", (int id, HttpContext http, UserAdmin admin) =>
                WithBody<UserForm, NoContent>(http, async form => Answer(await admin.UpdateAsync(http.Actor(), id, form, http.RequestAborted))))
            .WithName("UpdateUser").WithSummary("Change a user's real name, email and privilege (AdminUsers)").Accepts<UserForm>("application/json");

        users.MapPut("/{id:int}/disabled", (int id, HttpContext http, UserAdmin admin) =>
                WithBody<DisabledInput, NoContent>(http, async d => Answer(await admin.SetDisabledAsync(http.Actor(), id, d.Disabled, http.RequestAborted))))
            .WithName("SetUserDisabled").WithSummary("Disable or enable a user; disabling ends their sessions and tokens (AdminUsers)")
            .Accepts<DisabledInput>("application/json");
    }

    private static async Task<Results<Ok<List<UserView>>, ProblemHttpResult>> ListAsync(HttpContext http, UserAdmin admin, RightsService rights,
        NocDbContext db, string? search = null)
    {
        var actor = http.Actor();
        if (await rights.HasAsync(actor.Id, Right.AdminUsers, null, http.RequestAborted))
        {
            var all = await admin.ListAsync(actor, search, http.RequestAborted);
            if (!all.Succeeded) return ApiProblems.From(all.Error!);
            return TypedResults.Ok(all.Value!.Select(u => new UserView(u.Id, u.UserName, u.RealName, u.Email, u.Privileged, u.Disabled)).ToList());
        }
        if (!actor.Privileged) return ApiProblems.Problem(403, "Forbidden", "Only staff may list users.");
        var staff = db.Users.AsNoTracking().Where(u => u.Privileged && !u.Disabled);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = $"%{search.Trim().ToLower()}%";
            staff = staff.Where(u => EF.Functions.Like(u.UserName!.ToLower(), like) || EF.Functions.Like((u.RealName ?? "").ToLower(), like));
        }
        return TypedResults.Ok(await staff.OrderBy(u => u.UserName).Take(500)
            .Select(u => new UserView(u.Id, u.UserName!, u.RealName, null, null, null)).ToListAsync(http.RequestAborted));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(int id, HttpContext http, RightsService rights, NocDbContext db)
    {
        var actor = http.Actor();
        var admin = await rights.HasAsync(actor.Id, Right.AdminUsers, null, http.RequestAborted);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, http.RequestAborted);
        // Staff may look up enabled staff; anyone may look up themselves; the rest exists only for AdminUsers.
        var visible = user is not null && (admin || user.Id == actor.Id || actor.Privileged && user.Privileged && !user.Disabled);
        if (!visible) return ApiProblems.Problem(404, "Not found", $"There is no user #{id}.");
        var full = admin || user!.Id == actor.Id;
        return TypedResults.Ok(new UserView(user!.Id, user.UserName!, user.RealName, full ? user.Email : null,
            full ? user.Privileged : null, full ? user.Disabled : null));
    }
}
