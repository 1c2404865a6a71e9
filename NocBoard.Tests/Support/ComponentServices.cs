using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Tests.Support;

/// <summary>
/// The app's real services for component tests whose components inject them but whose test
/// never reaches the database (a render from given data). Backed by a file that is never created
/// unless something queries it.
/// </summary>
public static class ComponentServices
{
    public static IServiceCollection AddNocServicesWithoutData(this IServiceCollection services)
    {
        var file = Path.Combine(Path.GetTempPath(), "nocboard-tests", $"unused-{Guid.NewGuid():N}.db");
        services.AddDbContext<NocDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddOptions<IdentityOptions>();
        services.AddSingleton<ChangeGenerations>();
        services.AddSingleton<RightsCache>();
        services.AddSingleton<ActorCache>();
        services.AddScoped<RightsService>();
        services.AddScoped<ActorLookup>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<QueueDirectory>();
        return services;
    }
}
