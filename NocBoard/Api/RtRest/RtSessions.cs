using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Sessions of the rt client, as RT keeps them: a random hex id in an <c>RT_SID_...</c> cookie,
/// so the password is sent (and hashed) once, not on every call. Kept in memory: after a restart,
/// or on another instance, the client is answered 401 and logs in again by itself. A session
/// remembers the user's security stamp, so a password reset or a disabled account ends it.
/// </summary>
public sealed class RtSessions(TimeProvider clock)
{
    /// <summary>A session unused this long is forgotten.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, RtSession> sessions = new(StringComparer.OrdinalIgnoreCase);

    public RtSession Open(int userId, string? securityStamp)
    {
        Prune();
        var session = new RtSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, securityStamp)
        {
            LastSeen = clock.GetUtcNow(),
        };
        sessions[session.Id] = session;
        return session;
    }

    public RtSession? Find(string id)
    {
        if (!sessions.TryGetValue(id, out var session)) return null;
        var now = clock.GetUtcNow();
        if (now - session.LastSeen > IdleTimeout)
        {
            sessions.TryRemove(id, out _);
            return null;
        }
        session.LastSeen = now;
        return session;
    }

    public void Close(string id) => sessions.TryRemove(id, out _);

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - IdleTimeout;
        foreach (var (id, session) in sessions)
            if (session.LastSeen < cutoff) sessions.TryRemove(id, out _);
    }
}

public sealed record RtSession(string Id, int UserId, string? SecurityStamp)
{
    public DateTimeOffset LastSeen { get; set; }
}
