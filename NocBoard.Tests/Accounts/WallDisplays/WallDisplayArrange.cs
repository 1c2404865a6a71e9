using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Admin.WallDisplays;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts.WallDisplays;

/// <summary>Wall displays made the way an administrator makes them, and a display's sign-in over HTTP.</summary>
public static class WallDisplayArrange
{
    /// <summary>Root makes a display for the queues; returns it and its secret.</summary>
    public static async Task<NewWallDisplay> WallDisplayAsync(this Scenario s, string name, params int[] queueIds)
    {
        var root = await s.RootAsync();
        return await s.InScopeAsync(async sp => (await sp.GetRequiredService<WallDisplayAdmin>()
            .CreateAsync(root, new NewWallDisplayForm { Name = name, QueueIds = queueIds })).EnsureSucceeded());
    }

    /// <summary>The display's account as an actor, as a signed-in display is seen.</summary>
    public static Task<Actor> WallActorAsync(this Scenario s, NewWallDisplay display) => s.InScopeAsync(async sp =>
    {
        var token = await sp.GetRequiredService<WallTokens>().ValidBySecretAsync(display.Secret) ?? throw new InvalidOperationException("token does not work");
        var user = await s.DbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == token.UserId)));
        return Actor.For(user) with { WallDisplay = true };
    });

    public static async Task RevokeAsync(this Scenario s, NewWallDisplay display)
    {
        var root = await s.RootAsync();
        var result = await s.InScopeAsync(sp => sp.GetRequiredService<WallDisplayAdmin>().RevokeAsync(root, display.Id));
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    /// <summary>Opens the token login as the display's browser would, and asserts it signed in.</summary>
    public static async Task SignInAsync(this WebSession web, NewWallDisplay display, string to = "wall")
    {
        var response = await web.GetAsync($"wall/login?token={Uri.EscapeDataString(display.Secret)}&to={Uri.EscapeDataString(to)}");
        Assert.Equal("/" + to, web.RedirectTarget(response));
        Assert.True(web.HasAuthCookie, "the token login set no sign-in cookie");
    }
}
