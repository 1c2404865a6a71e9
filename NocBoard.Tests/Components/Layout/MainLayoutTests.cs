using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Data;
using NocBoard.Components.Layout;
using NocBoard.Site;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Components.Layout;

public class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Options.Create(new SiteOptions { Name = "NOC-FRA" }));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<UserClock>();
        Services.AddNocServicesWithoutData();
        Services.AddScoped<NocBoard.Accounts.Preferences.UserPreferences>();
        Services.AddScoped<NocBoard.Accounts.Preferences.TimeZonePreference>();
        // The navigation's Admin menu asks the real services; these users carry no user id claim,
        // so it stays hidden without the database being opened (Admin/AdminMenuTests cover it).
        Services.AddScoped<AdminRights>().AddScoped<AdminAccess>();
    }

    public Task InitializeAsync() => Task.CompletedTask;
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<MainLayout> RenderLayout(bool interactive = true)
    {
        SetRendererInfo(new RendererInfo("Server", interactive));
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='page'>page body</p>"))));
    }

    [Fact]
    public void Signed_In_User_Sees_Their_Name_The_Site_And_A_Log_Out_Button()
    {
        AddAuthorization().SetAuthorized("alice");
        var layout = RenderLayout();

        Assert.Equal("alice", layout.Find("[data-testid=current-user]").TextContent.Trim());
        Assert.Contains("NOC-FRA", layout.Markup);
        Assert.NotNull(layout.Find("form[action='Account/Logout'] [data-testid=logout]"));
        Assert.Equal("page body", layout.Find("#page").TextContent);
        Assert.Contains("My account", layout.Markup);
    }

    [Fact]
    public void Anonymous_Visitor_Is_Offered_Log_In_And_No_Account_Links()
    {
        AddAuthorization();
        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("[data-testid=logout]"));
        Assert.Contains("Log in", layout.Find("a[href='Account/Login']").TextContent);
        Assert.DoesNotContain("My account", layout.Markup);
    }

    [Fact]
    public void The_Circuit_Ready_Marker_Appears_Only_When_Interactive()
    {
        AddAuthorization().SetAuthorized("alice");
        Assert.Empty(RenderLayout(interactive: false).FindAll("[data-testid=circuit-ready]"));
    }

    [Fact]
    public void The_Circuit_Ready_Marker_Is_Rendered_On_A_Live_Circuit()
    {
        AddAuthorization().SetAuthorized("alice");
        Assert.Single(RenderLayout(interactive: true).FindAll("[data-testid=circuit-ready]"));
    }
}
