using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Outbox;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Mail.Commands;

/// <summary>
/// Mail commands a stop left pending are applied at the next start, once, even if the message never
/// comes back; commands the first run finished are not applied again.
/// </summary>
public sealed class MailCommandStartupSweepTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-sweep", Guid.NewGuid().ToString("N"));

    public MailCommandStartupSweepTests() => Directory.CreateDirectory(data);

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    /// <summary>Fails the commit that would record a transaction on <see cref="Field"/>, once: the process "dies" there.</summary>
    private sealed class CrashOnce : IOutboxContributor
    {
        public static string? Field;

        public Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
        {
            if (Field is not null && ctx.Recorded.Any(t => t.Field == Field))
            {
                Field = null;
                throw new InvalidOperationException("simulated stop of the process");
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>NocBoard on this test's data folder; started again on it, it is the same NocBoard after a restart.</summary>
    private Task<Scenario> StartAsync() =>
        Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["Data:Directory"] = data, ["Outbox:PollInterval"] = "01:00:00", ["Jobs:Schedules:mail-poll"] = "off",
        }, services => services.AddScoped<IOutboxContributor, CrashOnce>());

    private static Task<MailIntakeResult> TakeAsync(Scenario scenario, byte[] raw) =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<MailIntake>().TakeAsync(new MailIntakeRequest(raw, "test", "General", "correspond")));

    private static async Task<(int TicketId, byte[] Raw)> MessageWithCommandsAsync(Scenario scenario)
    {
        var bob = await scenario.UserAsync("bob", privileged: true, email: "bob@example.net");
        await scenario.GrantAllAsync(bob, null, Right.ShowTicket, Right.ReplyToTicket, Right.ModifyTicket);
        var id = await scenario.TicketAsync("Optics errors on xe-0/0/1");
        var raw = MailApp.Bytes(Mails.Message("bob@example.net", $"[NOC #{id}] Optics errors",
            "TimeWorked: 20\nPriority: 60\nQueue: Nowhere\n\nSwapped the SFP."));
        return (id, raw);
    }

    private static Task<int> TimeWorkedEntriesAsync(Scenario scenario, int id) =>
        scenario.DbAsync(db => db.Transactions.CountAsync(t => t.TicketId == id && t.Type == TransactionType.TimeWorked));

    private static Task<List<OutboxMessage>> ErrorMailsAsync(Scenario scenario) =>
        scenario.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("mail-command-errors:")).ToListAsync());

    [Fact]
    public async Task Commands_Left_Pending_By_A_Stop_Are_Applied_Once_At_The_Next_Start_And_Not_Again_After_That()
    {
        int id;
        await using (var beforeStop = await StartAsync())
        {
            (id, var raw) = await MessageWithCommandsAsync(beforeStop);
            CrashOnce.Field = "TimeWorked";
            await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(beforeStop, raw));
            var receipt = await beforeStop.DbAsync(db => db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.TicketId == id));
            Assert.Equal("TimeWorked: 20\nPriority: 60\nQueue: Nowhere", receipt.PendingCommands);
            Assert.Equal(0, (await beforeStop.LoadTicketAsync(id)).TimeWorked);
        }
        CrashOnce.Field = null;

        // Started again; the message itself never comes back.
        await using (var restarted = await StartAsync())
        {
            var ticket = await restarted.LoadTicketAsync(id);
            Assert.Equal((20, 60), (ticket.TimeWorked, ticket.Priority));
            Assert.Equal(1, await TimeWorkedEntriesAsync(restarted, id));
            var bob = await restarted.ActorAsync("bob");
            var applied = await restarted.DbAsync(db => db.Transactions
                .Where(t => t.TicketId == id && (t.Field == "TimeWorked" || t.Field == "Priority")).ToListAsync());
            Assert.Equal(2, applied.Count);
            Assert.All(applied, t => Assert.Equal(bob.Id, t.ActorId));   // as the sender, as the first run would have
            var receipt = await restarted.DbAsync(db => db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.TicketId == id));
            Assert.False(receipt.HasUnfinishedCommands);
            var errorMail = MailOutbox.Deserialize(Assert.Single(await ErrorMailsAsync(restarted)).Payload);
            Assert.Equal("bob@example.net", Assert.Single(errorMail.To.Mailboxes).Address);
            Assert.Contains("Queue: Nowhere: There is no queue 'Nowhere'.", errorMail.TextBody);
            Assert.Contains("Optics errors", errorMail.Subject);
        }

        await using (var again = await StartAsync())
        {
            Assert.Equal(20, (await again.LoadTicketAsync(id)).TimeWorked);
            Assert.Equal(1, await TimeWorkedEntriesAsync(again, id));
            Assert.Single(await ErrorMailsAsync(again));
        }
    }

    [Fact]
    public async Task Commands_The_First_Run_Finished_Are_Not_Applied_Again_At_The_Next_Start()
    {
        int id;
        await using (var first = await StartAsync())
        {
            (id, var raw) = await MessageWithCommandsAsync(first);
            await TakeAsync(first, raw);
            Assert.Equal(20, (await first.LoadTicketAsync(id)).TimeWorked);
        }

        await using var restarted = await StartAsync();
        var ticket = await restarted.LoadTicketAsync(id);
        Assert.Equal((20, 60), (ticket.TimeWorked, ticket.Priority));
        Assert.Equal(1, await TimeWorkedEntriesAsync(restarted, id));
        Assert.Single(await ErrorMailsAsync(restarted));
    }
}
