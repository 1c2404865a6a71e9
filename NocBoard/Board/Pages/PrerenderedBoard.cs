using Microsoft.AspNetCore.Components;

namespace NocBoard.Board.Pages;

/// <summary>
/// The board the prerender loaded and drew, handed to the live circuit in the page
/// (PersistentComponentState: encrypted and signed by the server, so a browser can neither read
/// nor forge it). The circuit then starts from it and asks the database only for what changed
/// since <see cref="LoadedAt"/>, instead of loading and drawing the whole board a second time.
/// </summary>
public sealed record PrerenderedBoard(BoardView View, DateTimeOffset LoadedAt)
{
    public const string Key = "nocboard-board";

    /// <summary>Hands <paramref name="board"/> on when the prerender ends. Call it while prerendering only.</summary>
    public static PersistingComponentStateSubscription Keep(PersistentComponentState state, Func<PrerenderedBoard?> board) =>
        state.RegisterOnPersisting(() =>
        {
            if (board() is { } shown) state.PersistAsJson(Key, shown);
            return Task.CompletedTask;
        });

    /// <summary>The prerendered board, if this circuit started from a prerender of the same board; taken once.</summary>
    public static PrerenderedBoard? Take(PersistentComponentState state, int boardId) =>
        state.TryTakeFromJson<PrerenderedBoard>(Key, out var kept) && kept?.View.Definition.Id == boardId ? kept : null;
}
