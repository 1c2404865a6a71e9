using Microsoft.EntityFrameworkCore;

namespace NocBoard.Tickets.Changes;

/// <summary>A watcher named by user id or by email address (a customer without an account).</summary>
public sealed record WatcherRef(int? UserId, string? Email)
{
    public static WatcherRef User(int id) => new(id, null);
    public static WatcherRef Address(string email) => new(null, email);

    public override string ToString() => UserId is { } id ? $"user #{id}" : Email ?? "";

    /// <summary>
    /// The principal as stored: an address that belongs to a user becomes that user, so rights
    /// granted to the Requestor role follow the person whichever way they were named.
    /// </summary>
    internal async Task<WatcherRef> ResolveAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        if (UserId is { } id)
        {
            await ctx.LoadUserAsync(id, ct);
            return this;
        }
        var email = Normalize(Email);
        var userId = await ctx.Db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        return userId is { } uid ? User(uid) : Address(email);
    }

    internal static string Normalize(string? email) =>
        Site.EmailAddresses.Normalize(email) ?? throw TicketChangeContext.Invalid($"'{email}' is not an email address.");

    internal bool Matches(TicketWatcher watcher) =>
        UserId is { } id ? watcher.UserId == id : watcher.Email == Email;

    internal string Describe() => UserId?.ToString() ?? Email!;
}
