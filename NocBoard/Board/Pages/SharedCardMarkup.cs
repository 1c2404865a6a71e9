using System.Collections.Concurrent;
using NocBoard.Monitoring;

namespace NocBoard.Board.Pages;

/// <summary>
/// Card markup shared by every circuit that shows a card the same way. Fifty wall screens and agents
/// showing one board would otherwise each keep their own copy of every card's HTML (about 2 KB a
/// card: 400 KB a circuit for 200 cards). Markup says how long ago things were as of the minute
/// it was drawn in (the browser keeps it current from there), so it is kept for that minute and
/// the one before; a circuit keeps what it shows itself, so forgetting here costs only sharing,
/// never a card.
/// </summary>
public sealed class SharedCardMarkup
{
    // Past this many kinds of card in one minute (many boards, many viewers' zones) new ones are not kept.
    private const int MostPerMinute = 50_000;

    // Overdue is part of the key: a card's due time may pass within the minute.
    private readonly record struct Key(BoardCard Card, bool Overdue, string Queue, string Initials, AlertBadge? Badge, bool Movable, bool Openable, string? Zone);

    private sealed record Minute(long Number, ConcurrentDictionary<Key, string> Cards);

    private readonly Lock turning = new();
    private Minute current = new(long.MinValue, new());
    private Minute previous = new(long.MinValue, new());

    public string Of(BoardCard card, string queue, string initials, AlertBadge? badge, CardMarkup.Context at)
    {
        var key = new Key(card, card.IsOverdue(at.Now), queue, initials, badge, at.Movable, at.Openable, at.Zone?.Id);
        var minute = MinuteOf(at.Now.ToUnixTimeSeconds() / 60);
        if (minute is null) return CardMarkup.Of(card, queue, initials, badge, at); // a circuit still drawing an older minute
        if (minute.Cards.TryGetValue(key, out var html)) return html;
        html = CardMarkup.Of(card, queue, initials, badge, at);
        return minute.Cards.Count < MostPerMinute ? minute.Cards.GetOrAdd(key, html) : html;
    }

    private Minute? MinuteOf(long number)
    {
        var now = current;
        if (number == now.Number) return now;
        if (number < now.Number) return number == previous.Number ? previous : null;
        lock (turning)
        {
            if (number > current.Number)
            {
                previous = current.Number == number - 1 ? current : new(long.MinValue, new());
                current = new(number, new());
            }
            return number == current.Number ? current : null;
        }
    }
}
