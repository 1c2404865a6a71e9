using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NocBoard.Site;

namespace NocBoard.Tests.Support;

/// <summary>
/// A bunit context set up as NocBoard's components expect: MudBlazor, site settings and the clock
/// that dates are shown with. Call <see cref="Ready"/> after adding any further services.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest(SiteOptions? site = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Options.Create(site ?? new SiteOptions()));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<UserClock>();
        Services.AddSingleton<NocBoard.Monitoring.AlertBadges>();   // board cards show alert badges
        Services.AddSingleton<NocBoard.Board.Pages.SharedCardMarkup>();
    }

    /// <summary>Renders as on a live server circuit; locks the services, so it comes last.</summary>
    protected void Ready(bool interactive = true) => SetRendererInfo(new RendererInfo("Server", interactive));

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor has a service that is only IAsyncDisposable; xunit 2 disposes synchronously otherwise.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
