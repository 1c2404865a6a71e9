using Microsoft.AspNetCore.Components;

namespace NocBoard.Board.Pages;

/// <summary>
/// Hands the key of the board the prerender drew (<see cref="PrerenderedBoards"/>) to the live
/// circuit through the page. PersistentComponentState is encrypted and signed by the server, so a
/// browser can neither read the key nor forge one.
/// </summary>
public static class PrerenderedBoard
{
    public const string Key = "nocboard-board";

    /// <summary>Hands the key on when the prerender ends. Call it while prerendering only.</summary>
    public static PersistingComponentStateSubscription Keep(PersistentComponentState state, Func<Guid?> key) =>
        state.RegisterOnPersisting(() =>
        {
            if (key() is { } shown) state.PersistAsJson(Key, shown);
            return Task.CompletedTask;
        });

    /// <summary>The key, if this circuit started from a prerender that kept a board; taken once.</summary>
    public static Guid? Take(PersistentComponentState state) =>
        state.TryTakeFromJson<Guid>(Key, out var key) ? key : null;
}
