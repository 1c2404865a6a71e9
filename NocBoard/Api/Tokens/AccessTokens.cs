using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Api.Tokens;

/// <summary>A token as its owner sees it afterwards: never the secret.</summary>
public sealed record AccessTokenInfo(int Id, int UserId, string Name, string Prefix, DateTimeOffset Created,
    DateTimeOffset? Expires, bool ReadOnly, DateTimeOffset? Revoked)
{
    internal static AccessTokenInfo Of(AccessToken t) => new(t.Id, t.UserId, t.Name, t.Prefix, t.Created, t.Expires, t.ReadOnly, t.Revoked);

    public bool IsActiveAt(DateTimeOffset now) => Revoked is null && (Expires is null || Expires > now);
}

/// <summary>A token just made, with its secret: the only time the secret exists outside the caller's hands.</summary>
public sealed record CreatedAccessToken(AccessTokenInfo Token, string Secret);

/// <summary>Who a valid secret stands for.</summary>
public sealed record TokenIdentity(int TokenId, int UserId, string UserName, bool ReadOnly);

/// <summary>
/// Personal access tokens: made and revoked by their owner (or by a holder of AdminUsers for
/// anyone), checked on every API request. The UI, the API and the operator command all use this.
/// </summary>
public sealed class AccessTokens(NocDbContext db, RightsService rights, WriteGate gate, TimeProvider clock, AccessTokenCache cache)
{
    public const string SecretPrefix = "nbt_";
    public const int MaxNameLength = 100;

    /// <summary>Makes a token for <paramref name="userId"/> (the operator command's entry: no actor, the console is trusted).</summary>
    public async Task<CreatedAccessToken> CreateAsync(int userId, string name, DateTimeOffset? expires, bool readOnly,
        int? createdById = null, CancellationToken ct = default)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new ArgumentException("A token needs a name, to tell it apart later.", nameof(name));
        if (trimmed.Length > MaxNameLength) throw new ArgumentException($"A token name is at most {MaxNameLength} characters.", nameof(name));
        var now = clock.GetUtcNow();
        if (expires is { } e && e <= now) throw new ArgumentException("The expiry must be in the future.", nameof(expires));
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
                   ?? throw new ArgumentException($"There is no user #{userId}.", nameof(userId));
        if (user.Disabled) throw new ArgumentException($"User {user.UserName} is disabled.", nameof(userId));
        if (user.UserName == SystemUser.UserName) throw new ArgumentException("The system account cannot have tokens.", nameof(userId));

        var secret = SecretTokens.New(SecretPrefix);
        var token = new AccessToken
        {
            UserId = userId,
            Name = trimmed,
            Hash = HashOf(secret),
            Prefix = secret[..12],
            Created = now,
            CreatedById = createdById ?? userId,
            Expires = expires?.ToUniversalTime(),
            ReadOnly = readOnly,
        };
        await using (await gate.EnterAsync(ct))
        {
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync(ct);
        }
        db.Entry(token).State = EntityState.Detached;
        return new CreatedAccessToken(AccessTokenInfo.Of(token), secret);
    }

    /// <summary>Makes a token as <paramref name="actor"/>: for themselves, or for someone else with AdminUsers.</summary>
    public async Task<CreatedAccessToken> CreateAsync(Actor actor, int userId, string name, DateTimeOffset? expires, bool readOnly,
        CancellationToken ct = default)
    {
        await RequireMayManageAsync(actor, userId, ct);
        return await CreateAsync(userId, name, expires, readOnly, actor.Id, ct);
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(Actor actor, int userId, CancellationToken ct = default)
    {
        await RequireMayManageAsync(actor, userId, ct);
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(ct);
        return tokens.Select(AccessTokenInfo.Of).ToList();
    }

    /// <summary>Revokes a token at once; false when there is no such token the actor may manage.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        await using var _ = await gate.EnterAsync(ct);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null) return false;
        if (token.UserId != actor.Id && !await rights.HasAsync(actor.Id, Right.AdminUsers, null, ct))
        {
            db.Entry(token).State = EntityState.Detached;
            return false;
        }
        token.Revoked ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        db.Entry(token).State = EntityState.Detached;
        return true;
    }

    /// <summary>Who a presented secret stands for, or why it is not accepted.</summary>
    public async Task<(TokenIdentity? Identity, string? Failure)> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
            return (null, "The token is not a NocBoard access token.");
        var hash = HashOf(secret);
        var generation = cache.Generation;
        if (!cache.TryGet(hash, generation, out var found))
        {
            var read = await db.AccessTokens.AsNoTracking().Where(t => t.Hash == hash)
                .Join(db.Users, t => t.UserId, u => u.Id,
                    (t, u) => new AccessTokenCache.KeptToken(t.Id, t.UserId, t.Expires, t.Revoked, t.ReadOnly, u.UserName, u.Disabled))
                .SingleOrDefaultAsync(ct);
            if (read is null) return (null, "The token is not known.");
            cache.Keep(hash, generation, read);
            found = read;
        }
        if (found.Revoked is not null) return (null, "The token has been revoked.");
        if (found.Expires is { } expires && expires <= clock.GetUtcNow()) return (null, "The token has expired.");
        if (found.Disabled) return (null, "The token's user is disabled.");
        return (new TokenIdentity(found.Id, found.UserId, found.UserName ?? $"user #{found.UserId}", found.ReadOnly), null);
    }

    public static string HashOf(string secret) => SecretTokens.Hash(secret);

    private async Task RequireMayManageAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (userId != actor.Id && !await rights.HasAsync(actor.Id, Right.AdminUsers, null, ct))
            throw new UnauthorizedAccessException("Managing another user's tokens needs the AdminUsers right.");
    }
}
