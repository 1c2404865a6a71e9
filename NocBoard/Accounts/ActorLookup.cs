using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>Finds the <see cref="Actor"/> for a signed-in principal, and the system actor for automation.</summary>
public sealed class ActorLookup(NocDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>The actor for a principal, or null when not signed in or the user is gone or disabled.</summary>
    public async Task<Actor?> ForPrincipalAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (!int.TryParse(id, out var userId)) return null;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is not { Disabled: false }) return null;
        if (!principal.IsWallDisplay()) return Actor.For(user);
        // A wall display counts only while its token works (not revoked, not expired).
        var token = await db.Set<WallToken>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, ct);
        return token is not null && token.IsValidAt(clock.GetUtcNow()) ? Actor.For(user) with { WallDisplay = true } : null;
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
