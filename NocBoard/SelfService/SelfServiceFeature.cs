namespace NocBoard.SelfService;

public static class SelfServiceFeature
{
    public static WebApplicationBuilder AddSelfService(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SelfServiceQueries>();
        return builder;
    }
}
