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
