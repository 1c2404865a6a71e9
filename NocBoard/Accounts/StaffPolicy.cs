using Microsoft.AspNetCore.Authorization;

namespace NocBoard.Accounts;

/// <summary>
/// Staff pages are for privileged users only; requestors have the self-service pages. Checked
/// against the database on each use, so revoking Privileged takes effect at once. Data is still
/// protected by rights in the services: this only keeps requestors out of screens not meant for them.
/// </summary>
public static class StaffPolicy
{
    public const string Name = "Staff";

    public static AuthorizationBuilder AddStaffPolicy(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Name, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement()));
}

public sealed class StaffRequirement : IAuthorizationRequirement;

public sealed class StaffHandler(IServiceScopeFactory scopes) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLookup>().ForPrincipalAsync(context.User);
        if (actor is { Privileged: true }) context.Succeed(requirement);
    }
}
