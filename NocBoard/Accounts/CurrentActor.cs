using Microsoft.AspNetCore.Components.Authorization;

namespace NocBoard.Accounts;

/// <summary>The signed-in user of this circuit or request, as an <see cref="Actor"/> (null when anonymous or disabled).</summary>
public sealed class CurrentActor(AuthenticationStateProvider auth, ActorLookup actors)
{
    private Actor? actor;

    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null) return actor;
        var state = await auth.GetAuthenticationStateAsync();
        return actor = await actors.ForPrincipalAsync(state.User, ct);
    }
}
