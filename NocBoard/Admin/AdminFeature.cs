using NocBoard.Admin.CustomFields;
using NocBoard.Admin.Groups;
using NocBoard.Admin.Lifecycles;
using NocBoard.Admin.Queues;
using NocBoard.Admin.Rights;
using NocBoard.Admin.Users;

namespace NocBoard.Admin;

public static class AdminFeature
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AdminRights>();
        services.AddScoped<AdminWriter>();
        services.AddScoped<AdminAccess>();
        services.AddScoped<QueueAdmin>();
        services.AddScoped<QueueWatchersAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<GroupAdmin>();
        services.AddScoped<RightsAdmin>();
        services.AddScoped<CustomFieldAdmin>();
        services.AddScoped<LifecycleAdmin>();
        services.AddScoped<WallDisplays.WallDisplayAdmin>();
        return builder;
    }
}
