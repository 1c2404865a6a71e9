using Microsoft.Extensions.Options;
using NocBoard.Site;

namespace NocBoard.Search;

public static class SearchFeature
{
    /// <summary>TicketSQL search: <see cref="TicketSearch"/>, and the reading of relative dates in the site's time zone.</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new RelativeDates(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<SiteOptions>>().Value.TimeZone)));
        builder.Services.AddScoped<TicketSearch>();
        builder.Services.AddScoped<Bulk.BulkUpdate>();
        builder.Services.AddScoped<Saved.SavedSearches>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        Export.CsvExport.MapCsvExport(app);
        return app;
    }
}
