using System.Collections.Concurrent;
using NocBoard.Accounts;
using NocBoard.Data;

namespace NocBoard.Api.Tokens;

/// <summary>
/// Tokens as last read, by the hash of their secret, until a commit changes a token or a user:
/// every API request presents one, and they change rarely. A revocation or a disabled user moves
/// the figure, so it counts from the very next request; expiry is checked on every use. Only tokens
/// that exist are kept, so a token made later is found at once.
/// </summary>
public sealed class AccessTokenCache(ChangeGenerations generations)
{
    private static readonly Type[] Sources = [typeof(AccessToken), typeof(NocUser)];

    private readonly ConcurrentDictionary<string, (long Generation, KeptToken Token)> kept = new(StringComparer.Ordinal);

    /// <summary>What validation needs of a token and its user.</summary>
    public sealed record KeptToken(int Id, int UserId, DateTimeOffset? Expires, DateTimeOffset? Revoked, bool ReadOnly, string? UserName, bool Disabled);

    /// <summary>Note this before reading a token; a token read under it is kept only while it holds.</summary>
    public long Generation => generations.Of(countAdded: false, Sources);

    public bool TryGet(string hash, long generation, out KeptToken token)
    {
        if (kept.TryGetValue(hash, out var hit) && hit.Generation == generation)
        {
            token = hit.Token;
            return true;
        }
        token = null!;
        return false;
    }

    public void Keep(string hash, long generation, KeptToken token)
    {
        if (kept.Count > 10_000) kept.Clear();
        kept[hash] = (generation, token);
    }
}
