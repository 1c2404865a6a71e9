using Microsoft.AspNetCore.Authorization;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>
/// Wall screens (and the board hub) are for staff and for wall displays whose token still works.
/// Every other page's <c>[Authorize]</c> shuts wall displays out (<see cref="ForPeople"/>), so a
/// display's cookie opens nothing but the wall.
/// </summary>
public static class WallScreenPolicy
{
    public const string Name = "WallScreen";

    /// <summary>The default policy: signed in, and a person (not a wall display).</summary>
    public static AuthorizationPolicy ForPeople { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(c => !c.User.IsWallDisplay())
        .Build();

    public static AuthorizationOptions AddWallScreenPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Name, p => p.RequireAuthenticatedUser().AddRequirements(new WallScreenRequirement()));
        options.DefaultPolicy = ForPeople;
        return options;
    }
}

public sealed class WallScreenRequirement : IAuthorizationRequirement;

/// <summary>Checked against the database on each use: a disabled person or a revoked token is refused at once.</summary>
public sealed class WallScreenHandler(IServiceScopeFactory scopes) : AuthorizationHandler<WallScreenRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WallScreenRequirement requirement)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLookup>().ForPrincipalAsync(context.User);
        if (actor is { Privileged: true } or { WallDisplay: true }) context.Succeed(requirement);
    }
}
