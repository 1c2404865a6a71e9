using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Accounts;
using NocBoard.Api.Json;
using NocBoard.Data;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using Microsoft.EntityFrameworkCore;

namespace NocBoard.Api.Tickets;

/// <summary>
/// Every API write to a ticket: through <see cref="TicketService"/> as the caller, with the version
/// from If-Match, answered with the ticket as now committed and its new ETag.
/// </summary>
public sealed class TicketWrites(TicketService service, TicketReader reader, TicketViewBuilder views, NocDbContext db)
{
    public async Task<Results<Ok<TicketView>, ProblemHttpResult>> ApplyAsync(HttpContext http, int id, IReadOnlyList<TicketChange> changes)
    {
        var actor = http.Actor();
        var expected = TicketETag.ExpectedVersion(http.Request);
        if (changes.Count == 0)
        {
            // Nothing to change still answers as a write would: hidden tickets stay hidden, stale versions are stale.
            var current = await reader.GetAsync(id, actor, http.RequestAborted);
            if (current is null) return ApiProblems.TicketNotFound(id);
            if (expected is { } v && v != current.Version)
                return ApiProblems.From(new TicketError(TicketErrorKind.Conflict, $"Ticket #{current.Id} is at version {current.Version}, not {v}."), true);
            TicketETag.Set(http.Response, current);
            return TypedResults.Ok(await views.ViewAsync(current, actor, http.RequestAborted));
        }
        var result = await service.ApplyAsync(id, changes, actor, expected, http.RequestAborted);
        if (!result.Succeeded) return ApiProblems.From(result.Error!, expected is not null);
        var ticket = result.Ticket!;
        if (ticket.IsMerged)
        {
            ticket = await reader.GetAsync(ticket.EffectiveId, actor, http.RequestAborted) ?? ticket;
        }
        TicketETag.Set(http.Response, ticket);
        return TypedResults.Ok(await views.ViewAsync(ticket, actor, http.RequestAborted));
    }

    /// <summary>
    /// Watchers named as scripts name them: an email address, a user name, or a user id. An
    /// unknown user name is the caller's error, reported with the field it came from.
    /// </summary>
    public async Task<(IReadOnlyList<WatcherRef> Refs, ProblemHttpResult? Problem)> WatchersAsync(IReadOnlyList<string>? names, string field, CancellationToken ct)
    {
        var refs = new List<WatcherRef>();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            var (watcher, problem) = await WatcherAsync(names![i], $"{field}[{i}]", ct);
            if (problem is not null) return ([], problem);
            refs.Add(watcher!);
        }
        return (refs, null);
    }

    public async Task<(WatcherRef? Ref, ProblemHttpResult? Problem)> WatcherAsync(string? name, string field, CancellationToken ct)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0) return (null, ApiProblems.BadRequest("Missing watcher", "A watcher is an email address, a user name or a user id.", field));
        if (int.TryParse(text, out var id)) return (WatcherRef.User(id), null);
        if (text.Contains('@')) return (WatcherRef.Address(text), null);
        var upper = text.ToUpperInvariant();
        var userId = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == upper).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        return userId is { } uid
            ? (WatcherRef.User(uid), null)
            : (null, ApiProblems.Problem(422, "Unknown user", $"There is no user named '{text}'.", field));
    }
}
