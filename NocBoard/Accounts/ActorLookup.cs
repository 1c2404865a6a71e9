using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>Finds the <see cref="Actor"/> for a signed-in principal, and the system actor for automation.</summary>
public sealed class ActorLookup(NocDbContext db, ActorCache cache, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>The actor for a principal, or null when not signed in or the user is gone or disabled.</summary>
    public async Task<Actor?> ForPrincipalAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (!int.TryParse(id, out var userId)) return null;
        if (await cache.ByIdAsync(db, userId, ct) is not { Disabled: false } user) return null;
        if (!principal.IsWallDisplay()) return user.Actor;
        // A wall display counts only while its token works (not revoked, not expired).
        var token = await db.Set<WallToken>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, ct);
        return token is not null && token.IsValidAt(clock.GetUtcNow()) ? user.Actor with { WallDisplay = true } : null;
    }

    public async Task<Actor> SystemAsync(CancellationToken ct = default)
    {
        return (await cache.ByNameAsync(db, SystemUser.UserName, ct))?.Actor
               ?? throw new InvalidOperationException($"The system user '{SystemUser.UserName}' does not exist.");
    }

    public async Task<Actor?> ByNameAsync(string userName, CancellationToken ct = default)
    {
        return (await cache.ByNameAsync(db, userName, ct))?.Actor;
    }
}
