using Microsoft.AspNetCore.Components;

namespace NocBoard.Board.Pages;

/// <summary>A click on one of a card's buttons (<c>data-card-action</c>): which ticket, and "open" or "move".</summary>
public sealed class CardActionEventArgs : EventArgs
{
    public int Ticket { get; set; }
    public string Action { get; set; } = "";
}

/// <summary>A card dropped on a column: which ticket, onto which zone (status and lane).</summary>
public sealed class CardDropEventArgs : EventArgs
{
    public int Ticket { get; set; }
    public string Zone { get; set; } = "";
}

/// <summary>
/// The board's two events, made in the browser by js/board.js from ordinary clicks and drops
/// anywhere inside a column: one handler per column instead of several on every card.
/// </summary>
[EventHandler("oncardaction", typeof(CardActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("oncarddrop", typeof(CardDropEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers { } // the name Razor looks for
