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

/// <summary>Mail commands survive NocBoard stopping between the message's commit and the commands: none lost, none applied twice.</summary>
public class MailCommandRunnerTests
{
    /// <summary>Fails the commit that would record a transaction on <see cref="Field"/>, once: the process "dies" there.</summary>
    private sealed class CrashOnce : IOutboxContributor
    {
        public static string? Field;
        public static int Crashes;

        public Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
        {
            if (Field is not null && ctx.Recorded.Any(t => t.Field == Field))
            {
                Field = null;
                Crashes++;
                throw new InvalidOperationException("simulated stop of the process");
            }
            return Task.CompletedTask;
        }
    }

    private static Task<Scenario> StartAsync() =>
        Scenario.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00", ["Jobs:Schedules:mail-poll"] = "off" },
            services => services.AddScoped<IOutboxContributor, CrashOnce>());

    private static Task<MailIntakeResult> TakeAsync(Scenario scenario, byte[] raw) =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<MailIntake>().TakeAsync(new MailIntakeRequest(raw, "test", "General", "correspond")));

    [Fact]
    public async Task A_Stop_Part_Way_Through_The_Commands_Resumes_When_The_Message_Is_Read_Again_Applying_Each_Once()
    {
        await using var scenario = await StartAsync();
        var bob = await scenario.UserAsync("bob", privileged: true, email: "bob@example.net");
        await scenario.GrantAllAsync(bob, null, Right.ShowTicket, Right.ReplyToTicket, Right.ModifyTicket);
        var id = await scenario.TicketAsync("Core switch sw1 down");
        var raw = MailApp.Bytes(Mails.Message("bob@example.net", $"[NOC #{id}] Core switch sw1 down",
            "TimeWorked: 15\nPriority: 80\nQueue: Nowhere\nStatus: stalled\n\nReplaced the line card."));

        (CrashOnce.Field, CrashOnce.Crashes) = ("Priority", 0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(scenario, raw));
        // The message and the first command committed; the rest wait in its receipt.
        var halfway = await scenario.LoadTicketAsync(id);
        Assert.Equal((15, "open"), (halfway.TimeWorked, halfway.Status));   // a staff reply opens it
        Assert.NotEqual(80, halfway.Priority);
        var receipt = await scenario.DbAsync(db => db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.TicketId == id));
        Assert.Equal("Priority: 80\nQueue: Nowhere\nStatus: stalled", receipt.PendingCommands);

        // The mailbox was not marked (or the MTA retries): the same message again.
        var again = await TakeAsync(scenario, raw);
        Assert.True(again.Duplicate);
        var after = await scenario.LoadTicketAsync(id);
        Assert.Equal((15, 80, "stalled"), (after.TimeWorked, after.Priority, after.Status));   // TimeWorked adds up: 15, not 30
        Assert.Equal(1, await scenario.DbAsync(db => db.Transactions.CountAsync(t => t.TicketId == id && t.Type == TransactionType.Correspond)));
        receipt = await scenario.DbAsync(db => db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.TicketId == id));
        Assert.False(receipt.HasUnfinishedCommands);

        // The refused command is answered once, however often the message comes back.
        await TakeAsync(scenario, raw);
        var errors = await scenario.DbAsync(db => db.Outbox.Where(m => m.IdempotencyKey.StartsWith("mail-command-errors:")).ToListAsync());
        Assert.Contains("Queue: Nowhere: There is no queue 'Nowhere'.", MailOutbox.Deserialize(Assert.Single(errors).Payload).TextBody);
        Assert.Equal(1, CrashOnce.Crashes);
    }

    [Fact]
    public async Task A_Stop_Right_After_The_Message_Leaves_Every_Command_Pending_And_None_Is_Lost()
    {
        await using var scenario = await StartAsync();
        var bob = await scenario.UserAsync("bob", privileged: true, email: "bob@example.net");
        await scenario.GrantAllAsync(bob, null, Right.ShowTicket, Right.ReplyToTicket, Right.ModifyTicket);
        var id = await scenario.TicketAsync("Optics errors on xe-0/0/1");
        var raw = MailApp.Bytes(Mails.Message("bob@example.net", $"[NOC #{id}] Optics errors", "TimeWorked: 20\nPriority: 60\n\nSwapped the SFP."));

        (CrashOnce.Field, CrashOnce.Crashes) = ("TimeWorked", 0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(scenario, raw));
        var receipt = await scenario.DbAsync(db => db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.TicketId == id));
        Assert.Equal("TimeWorked: 20\nPriority: 60", receipt.PendingCommands);
        Assert.Equal(0, (await scenario.LoadTicketAsync(id)).TimeWorked);

        await TakeAsync(scenario, raw);
        var after = await scenario.LoadTicketAsync(id);
        Assert.Equal((20, 60), (after.TimeWorked, after.Priority));
        Assert.Empty(await scenario.DbAsync(db => db.Outbox.Where(m => m.IdempotencyKey.StartsWith("mail-command-errors:")).ToListAsync()));
    }
}
