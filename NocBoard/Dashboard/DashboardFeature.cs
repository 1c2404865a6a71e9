namespace NocBoard.Dashboard;

public static class DashboardFeature
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddScoped<DashboardLayout>();
        return builder;
    }
}
