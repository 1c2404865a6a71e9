using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>Finds wall tokens and says whether they still work. Read-only; making and revoking them is administration.</summary>
public sealed class WallTokens(NocDbContext db, TimeProvider clock)
{
    /// <summary>The token a secret stands for, when it still works (not revoked, not expired).</summary>
    public async Task<WallToken?> ValidBySecretAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        var hash = WallDisplay.Hash(secret);
        var token = await db.Set<WallToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return token is not null && token.IsValidAt(clock.GetUtcNow()) ? token : null;
    }

    /// <summary>The token of a display account (valid or not); null for every other account.</summary>
    public Task<WallToken?> ForUserAsync(int userId, CancellationToken ct = default) =>
        db.Set<WallToken>().AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, ct);

    /// <summary>Of these display accounts, the ones whose token still works (one query, for periodic sweeps).</summary>
    public async Task<IReadOnlySet<int>> StillValidAsync(IReadOnlyCollection<int> userIds, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.Set<WallToken>().AsNoTracking().Where(t => userIds.Contains(t.UserId)).ToListAsync(ct);
        return tokens.Where(t => t.IsValidAt(now)).Select(t => t.UserId).ToHashSet();
    }
}
