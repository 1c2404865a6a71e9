namespace NocBoard.Queues;

public static class QueuesFeature
{
    public static WebApplicationBuilder AddQueues(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QueueSeed>();
        builder.Services.AddScoped<QueueDirectory>();
        builder.Services.AddSingleton<QueueCatalog>();
        return builder;
    }
}
