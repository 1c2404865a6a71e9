using NocBoard.Outbox;

namespace NocBoard.Tickets;

public static class TicketsFeature
{
    public static WebApplicationBuilder AddTickets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => o.MaxAttachmentBytes > 0, "Tickets:MaxAttachmentBytes must be positive.")
            .Validate(o => o.MinPriority < o.MaxPriority, "Tickets:MinPriority must be below Tickets:MaxPriority.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TicketFeed>();
        builder.Services.AddSingleton<Presence.TicketPresence>();
        builder.Services.AddScoped<TicketService>();
        builder.Services.AddSingleton<TicketAnnouncer>();
        builder.Services.AddSingleton<TicketWriteQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketWriteQueue>());
        builder.Services.AddScoped<TicketReader>();
        builder.Services.AddScoped<Display.TicketDetailsLoader>();
        builder.Services.AddScoped<CustomFields.CustomFieldDirectory>();
        builder.Services.AddScoped<Bookmarks.Bookmarks>();
        return builder;
    }

    public static WebApplication MapTickets(this WebApplication app)
    {
        app.MapAttachments();
        return app;
    }
}

