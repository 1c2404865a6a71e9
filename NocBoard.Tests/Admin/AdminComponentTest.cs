using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NocBoard.Accounts;
using NocBoard.Admin;
using NocBoard.Admin.CustomFields;
using NocBoard.Admin.Groups;
using NocBoard.Admin.Lifecycles;
using NocBoard.Admin.Queues;
using NocBoard.Admin.Rights;
using NocBoard.Admin.Users;
using NocBoard.Data;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Admin;

/// <summary>
/// bunit with the app's real admin services, backed by a started <see cref="Scenario"/>: components
/// read and write the scenario's database, and tests check what was stored through it.
/// </summary>
public abstract class AdminComponentTest : BunitContext, IAsyncLifetime
{
    private static readonly Type[] ScopedServices =
    [
        typeof(NocDbContext), typeof(AdminRights), typeof(QueueAdmin), typeof(QueueWatchersAdmin), typeof(UserAdmin),
        typeof(GroupAdmin), typeof(RightsAdmin), typeof(CustomFieldAdmin), typeof(LifecycleAdmin),
    ];

    private readonly BunitAuthorizationContext auth;
    private AsyncServiceScope scope;

    protected AdminComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        auth = AddAuthorization();
    }

    protected Scenario S { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        S = await Scenario.StartAsync();
        scope = S.Services.CreateAsyncScope();
        var app = scope.ServiceProvider;
        foreach (var type in ScopedServices)
            Services.AddSingleton(type, app.GetRequiredService(type));
        // The signed-in user comes from bunit's authentication state, as it would from the circuit's.
        Services.AddSingleton(x => new CurrentActor(x.GetRequiredService<AuthenticationStateProvider>(), app.GetRequiredService<ActorLookup>()));
        Services.AddSingleton(x => new AdminAccess(x.GetRequiredService<CurrentActor>(), app.GetRequiredService<AdminRights>()));
        SetRendererInfo(new RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await S.DisposeAsync();
    }

    /// <summary>Signs the actor in, as the login cookie would: their name and user id claims.</summary>
    protected void SignIn(Actor actor)
    {
        auth.SetAuthorized(actor.Name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.Id.ToString()));
    }
}
