using NocBoard.Accounts;
using NocBoard.Tickets;

namespace NocBoard.Board;

/// <summary>What a committed change did to a board on screen.</summary>
public enum BoardChange { None, Updated, Added, Removed }

/// <summary>
/// Keeps a <see cref="BoardView"/> current from the <see cref="TicketFeed"/>: the pushed ticket is
/// applied to its card; the database is asked only whether a ticket new to the board belongs on it
/// for this viewer, in a scope of its own (the circuit's DbContext may be busy with the user's own action).
/// Call <see cref="ApplyAsync"/> on the circuit's dispatcher (InvokeAsync).
/// </summary>
public sealed class LiveBoard(IServiceScopeFactory scopes, BoardView view, Actor viewer)
{
    public BoardView View { get; } = view;

    public async Task<BoardChange> ApplyAsync(TicketCommitted change)
    {
        var cards = View.Cards;
        var existing = cards.FirstOrDefault(c => c.Id == change.TicketId);
        if (existing is not null && existing.Version >= change.Version) return BoardChange.None;

        var belongs = View.Columns.Contains(change.Status) && change.EffectiveId == change.TicketId
                      && ((existing is not null && change.PreviousQueueId is null) || await MatchesAsync(change.TicketId));
        if (!belongs)
            return cards.RemoveAll(c => c.Id == change.TicketId) > 0 ? BoardChange.Removed : BoardChange.None;
        if (existing is not null)
        {
            cards[cards.IndexOf(existing)] = existing.With(change);
            return BoardChange.Updated;
        }
        if (cards.Any(c => c.Id == change.TicketId)) return BoardChange.None;
        cards.Add(BoardCard.From(change));
        return BoardChange.Added;
    }

    /// <summary>
    /// Brings a board loaded at <paramref name="loadedAt"/> (the prerender's, kept for the live
    /// circuit) up to date with what was committed since, before the feed took over. False: too
    /// much changed meanwhile; load the board again instead.
    /// </summary>
    public async Task<bool> CatchUpAsync(DateTimeOffset loadedAt)
    {
        // A change is stamped (LastUpdated) when it begins and may commit a while later, after the
        // load read the database; looking back a little further catches it. Applying a change
        // twice is harmless: a card only takes a newer version.
        var since = loadedAt - CatchUpMargin;
        (List<TicketCommitted> Changed, HashSet<int> Matching)? changes;
        await using (var scope = scopes.CreateAsyncScope())
            changes = await scope.ServiceProvider.GetRequiredService<BoardService>().ChangedSinceAsync(View.Definition, since, viewer);
        if (changes is not { } found) return false;
        var cards = View.Cards;
        foreach (var change in found.Changed)
        {
            var i = cards.FindIndex(c => c.Id == change.TicketId);
            if (i >= 0 && cards[i].Version >= change.Version) continue;
            var belongs = found.Matching.Contains(change.TicketId) && View.Columns.Contains(change.Status)
                          && change.EffectiveId == change.TicketId;
            if (!belongs && i >= 0) cards.RemoveAt(i);
            else if (belongs && i >= 0) cards[i] = cards[i].With(change);
            else if (belongs) cards.Add(BoardCard.From(change));
        }
        return true;
    }

    /// <summary>How long before a load a change may have begun and still committed after it.</summary>
    public static readonly TimeSpan CatchUpMargin = TimeSpan.FromSeconds(30);

    /// <summary>Puts the result of this viewer's own move on the card at once.</summary>
    public void Apply(Ticket ticket)
    {
        var i = View.Cards.FindIndex(c => c.Id == ticket.Id);
        if (i >= 0) View.Cards[i] = View.Cards[i].With(TicketCommitted.From(ticket, []));
    }

    private async Task<bool> MatchesAsync(int ticketId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BoardService>().MatchesAsync(View.Definition, ticketId, viewer);
    }
}
