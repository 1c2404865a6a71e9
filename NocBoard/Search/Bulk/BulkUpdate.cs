using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Search.Bulk;

/// <summary>What to do to every selected ticket; unset parts are left alone.</summary>
public sealed record BulkChanges
{
    public string? Status { get; init; }

    /// <summary>Set the owner: a user id, or <see cref="Nobody"/> for no owner.</summary>
    public int? OwnerId { get; init; }
    public bool Nobody { get; init; }

    public int? QueueId { get; init; }
    public int? Priority { get; init; }
    public string? Comment { get; init; }

    public IReadOnlyList<TicketChange> ToChanges()
    {
        var changes = new List<TicketChange>();
        if (QueueId is { } queue) changes.Add(new SetQueue(queue));
        if (Nobody) changes.Add(SetOwner.Nobody);
        else if (OwnerId is { } owner) changes.Add(new SetOwner(owner));
        if (Priority is { } priority) changes.Add(new SetField(TicketField.Priority, priority.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(Comment)) changes.Add(new Comment(new TicketMessage(Comment)));
        // Status last: a resolve should see the other changes (e.g. a comment explaining it) first.
        if (!string.IsNullOrWhiteSpace(Status)) changes.Add(new SetStatus(Status));
        return changes;
    }
}

public sealed record BulkOutcome(IReadOnlyList<int> Updated, IReadOnlyList<(int Ticket, string Reason)> Refused);

/// <summary>
/// RT's bulk update: the same changes applied to many tickets, each ticket through the single
/// write path in its own commit, so one refusal (a right, a lifecycle rule) does not undo or stop
/// the others, and every refusal is reported with its ticket.
/// </summary>
public sealed class BulkUpdate(TicketService tickets, TicketSearch search)
{
    public const int MaxTickets = 500;

    public async Task<BulkOutcome> ApplyAsync(IReadOnlyCollection<int> ticketIds, BulkChanges changes, Actor actor, CancellationToken ct = default)
    {
        var list = changes.ToChanges();
        if (list.Count == 0) throw new ArgumentException("Choose at least one change to make.");
        if (ticketIds.Count > MaxTickets) throw new ArgumentException($"Bulk update takes at most {MaxTickets} tickets at once, not {ticketIds.Count}.");

        var updated = new List<int>();
        var refused = new List<(int, string)>();
        foreach (var id in ticketIds.Distinct())
        {
            var result = await tickets.ApplyAsync(id, list, actor, ct: ct);
            if (result.Succeeded) updated.Add(id);
            else refused.Add((id, result.Error!.Message));
        }
        return new BulkOutcome(updated, refused);
    }

    /// <summary>Applies the changes to every ticket a search finds (up to <see cref="MaxTickets"/>).</summary>
    public async Task<BulkOutcome> ApplyToSearchAsync(string query, BulkChanges changes, Actor actor, CancellationToken ct = default)
    {
        var ids = await (await search.QueryAsync(query, actor, ct)).OrderBy(t => t.Id).Select(t => t.Id).Take(MaxTickets + 1).ToListAsync(ct);
        return await ApplyAsync(ids, changes, actor, ct);
    }
}
