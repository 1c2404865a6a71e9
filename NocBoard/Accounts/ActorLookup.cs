using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>Finds the <see cref="Actor"/> for a signed-in principal, and the system actor for automation.</summary>
public sealed class ActorLookup(NocDbContext db, IOptions<IdentityOptions> identity)
{
    /// <summary>The actor for a principal, or null when not signed in or the user is gone or disabled.</summary>
    public async Task<Actor?> ForPrincipalAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (!int.TryParse(id, out var userId)) return null;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user is { Disabled: false } ? Actor.For(user) : null;
    }

    public async Task<Actor> SystemAsync(CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == SystemUser.UserName, ct);
        return Actor.For(user);
    }

    public async Task<Actor?> ByNameAsync(string userName, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        return user is null ? null : Actor.For(user);
    }
}
