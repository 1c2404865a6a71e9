using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Accounts;

public static class AccountsFeature
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthorizationBuilder().AddStaffPolicy();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StaffHandler>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<NocUser>(options =>
            {
                // The same everywhere the DbContext is built: EF caches the model per schema version.
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedLogins", 5);
                options.Lockout.DefaultLockoutTimeSpan = builder.Configuration.GetValue("Accounts:LockoutDuration", TimeSpan.FromMinutes(15));
            })
            .AddEntityFrameworkStores<NocDbContext>()
            .AddSignInManager<NocSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "NocBoard.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddScoped<RightsService>();
        services.AddSingleton<RightsCache>();
        services.AddSingleton<ActorCache>();
        services.AddScoped<ActorLookup>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<Preferences.UserPreferences>();
        services.AddScoped<Preferences.TimeZonePreference>();
        services.AddScoped<FirstRun>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        return app;
    }
}
