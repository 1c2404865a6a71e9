using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NocBoard.Automation;
using NocBoard.Automation.Scrips;
using NocBoard.Mail.Outbound;
using NocBoard.Operations.Jobs;
using NocBoard.Outbox;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Automation;

/// <summary>Helpers for automation tests: a host on a fake clock, waiting for scrips to run, and the mail they queued.</summary>
public static class AutomationKit
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A started app whose clock stands still until the test moves it.</summary>
    public static async Task<(Scenario Scenario, FakeTimeProvider Clock)> StartAsync(IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(Start);
        var all = new Dictionary<string, string?> { ["Site:Name"] = "NOC", ["Site:BaseUrl"] = "https://noc.example.net" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var scenario = await Scenario.StartAsync(all, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
        return (scenario, clock);
    }

    /// <summary>Runs the outbox until no scrip work is left (the app's own dispatcher may take part).</summary>
    public static async Task SettleAsync(this Scenario scenario)
    {
        var dispatcher = scenario.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 400; i++)
        {
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
            var pending = await scenario.DbAsync(db => db.Outbox.CountAsync(m =>
                m.Kind == ScripContributor.Kind && m.Processed == null && m.Failed == null));
            if (pending == 0) return;
            await Task.Delay(25);
        }
        throw new TimeoutException("Scrip work was still pending after 10 s.");
    }

    /// <summary>Every mail queued so far, oldest first.</summary>
    public static async Task<List<MimeMessage>> MailsAsync(this Scenario scenario)
    {
        var payloads = await scenario.DbAsync(db => db.Outbox.Where(m => m.Kind == MailOutbox.Kind).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(MailOutbox.Deserialize).ToList();
    }

    public static IEnumerable<string> To(this MimeMessage mail) => mail.To.Mailboxes.Select(m => m.Address);

    /// <summary>Only the scrips given: the defaults are disabled first.</summary>
    public static Task OnlyScripsAsync(this Scenario scenario, params Scrip[] scrips) => scenario.DbAsync(async db =>
    {
        await db.Scrips().ExecuteUpdateAsync(s => s.SetProperty(x => x.Disabled, true));
        db.Scrips().AddRange(scrips);
        return await db.SaveChangesAsync();
    });

    /// <summary>Failed scrips and outbox messages, to show why an expected effect is missing.</summary>
    public static async Task<List<string>> ScripErrorsAsync(this Scenario scenario) =>
    [
        .. await scenario.DbAsync(db => db.Transactions.Where(t => t.Type == TransactionType.ScripError).Select(t => t.NewValue!).ToListAsync()),
        .. await scenario.DbAsync(db => db.Outbox.Where(m => m.Kind != MailOutbox.Kind && m.LastError != null).Select(m => m.Kind + ": " + m.LastError).ToListAsync()),
    ];

    public static Task RunJobAsync<T>(this Scenario scenario) where T : IScheduledJob =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<T>().RunAsync(CancellationToken.None));

    public static Task<List<TicketTransaction>> OfTypeAsync(this Scenario scenario, int ticketId, TransactionType type) =>
        scenario.DbAsync(db => db.Transactions.AsNoTracking().Where(t => t.TicketId == ticketId && t.Type == type).OrderBy(t => t.Id).ToListAsync());
}
