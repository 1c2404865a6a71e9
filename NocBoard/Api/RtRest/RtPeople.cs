using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>People as the rt client names them: owners by user name (<c>Nobody</c> for none), watchers by email address.</summary>
public sealed class RtPeople(NocDbContext db)
{
    public const string Nobody = "Nobody";

    public async Task<IReadOnlyDictionary<int, (string Name, string? Email)>> NamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.UserName ?? $"user #{u.Id}", u.Email), ct);
    }

    /// <summary>A watcher as RT lists it: the address, or the user name of a user without one.</summary>
    public static string Watcher(TicketWatcher w, IReadOnlyDictionary<int, (string Name, string? Email)> names) =>
        w.UserId is { } id ? names.TryGetValue(id, out var n) ? n.Email ?? n.Name : $"user #{id}" : w.Email ?? "";

    /// <summary>The owner named in a form: a user name (or email), or Nobody/empty for none. Throws <see cref="RtFieldException"/> for an unknown one.</summary>
    public async Task<int?> OwnerAsync(string value, CancellationToken ct)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Equals(Nobody, StringComparison.OrdinalIgnoreCase)) return null;
        return await UserIdAsync(v, ct) ?? throw new RtFieldException($"There is no user '{v}'.");
    }

    /// <summary>A watcher named in a form: an email address as is, else an existing user name.</summary>
    public async Task<WatcherRef> WatcherAsync(string value, CancellationToken ct)
    {
        var v = value.Trim();
        if (v.Contains('@')) return WatcherRef.Address(v);
        return await UserIdAsync(v, ct) is { } id ? WatcherRef.User(id) : throw new RtFieldException($"'{v}' is neither an email address nor a user name.");
    }

    private async Task<int?> UserIdAsync(string nameOrEmail, CancellationToken ct)
    {
        var upper = nameOrEmail.ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == upper || u.NormalizedEmail == upper)
            .OrderBy(u => u.NormalizedUserName == upper ? 0 : 1).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
    }
}

/// <summary>A form value that cannot be used; reported as <c># Key: message</c>.</summary>
public sealed class RtFieldException(string message) : Exception(message);
