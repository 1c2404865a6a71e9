using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NocBoard.Monitoring;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Monitoring;

/// <summary>A started app with a controllable clock and helpers to feed alerts and look at what they did.</summary>
public sealed class AlertTestKit : IAsyncDisposable
{
    private AlertTestKit(Scenario scenario, FakeTimeProvider clock) => (Scenario, Clock) = (scenario, clock);

    public Scenario Scenario { get; }
    public FakeTimeProvider Clock { get; }

    public static async Task<AlertTestKit> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var scenario = await Scenario.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
        return new AlertTestKit(scenario, clock);
    }

    public ValueTask DisposeAsync() => Scenario.DisposeAsync();

    public Task<AlertSource> SourceAsync(string name) => Scenario.DbAsync(db =>
        db.Set<AlertSource>().AsNoTracking().Include(s => s.Mappings).SingleAsync(s => s.Name == name));

    public Task UpdateSourceAsync(string name, Action<AlertSource> change) => Scenario.DbAsync(async db =>
    {
        var source = await db.Set<AlertSource>().Include(s => s.Mappings).SingleAsync(s => s.Name == name);
        change(source);
        return await db.SaveChangesAsync();
    });

    public async Task<AlertOutcome> SendAsync(Alert alert)
    {
        var source = await SourceAsync(alert.Source);
        return await Scenario.InScopeAsync(sp => sp.GetRequiredService<AlertIntake>().ApplyAsync(source, alert));
    }

    public static Alert Problem(string key = "core-sw-fra1", string source = "nagios", string severity = "DOWN", string summary = "PING CRITICAL - Packet loss = 100%") =>
        new() { Source = source, Key = key, State = AlertState.Problem, Severity = severity, Summary = summary, Host = key };

    public static Alert Ok(string key = "core-sw-fra1", string source = "nagios") =>
        new() { Source = source, Key = key, State = AlertState.Ok, Severity = "UP", Summary = "PING OK - Packet loss = 0%", Host = key };

    public static Alert Of(AlertState state, string key = "core-sw-fra1", string source = "nagios", string severity = "DOWN") =>
        new() { Source = source, Key = key, State = state, Severity = severity, Summary = $"{state} of {key}", Host = key };

    public Task<List<AlertEpisode>> EpisodesAsync() => Scenario.DbAsync(db => db.Set<AlertEpisode>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public Task<int> TicketCountAsync() => Scenario.DbAsync(db => db.Tickets.CountAsync());

    public Task<List<TicketTransaction>> TransactionsAsync(int ticketId) => Scenario.TransactionsAsync(ticketId);

    public Task<Ticket> TicketAsync(int id) => Scenario.LoadTicketAsync(id);
}
