using Microsoft.Extensions.DependencyInjection;
using NocBoard.Automation;
using NocBoard.Automation.Due;
using NocBoard.Automation.Escalation;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Automation.Escalation;

public class PriorityEscalationTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Created.AddDays(10);

    [Theory]
    [InlineData(0, 0, null)]      // at the start: nothing to do
    [InlineData(24, 0, 10)]       // a tenth of the way: 10
    [InlineData(60, 0, 25)]       // a quarter
    [InlineData(120, 0, 50)]      // half way
    [InlineData(120, 50, null)]   // already there: running again changes nothing
    [InlineData(120, 70, null)]   // raised by hand above the line: not taken back
    [InlineData(239, 0, 99)]      // truncated, like RT
    [InlineData(240, 0, 100)]     // due: final
    [InlineData(500, 0, 100)]     // overdue: still final
    public void Priority_Follows_The_Time_Between_Start_And_Due(int hoursAfterCreation, int current, int? expected) =>
        Assert.Equal(expected, PriorityEscalation.Target(current, 0, 100, Created, Due, Created.AddHours(hoursAfterCreation)));

    [Fact]
    public void It_Starts_From_Initial_Priority_And_Can_Also_Go_Down_Toward_Final()
    {
        Assert.Equal(30, PriorityEscalation.Target(20, 20, 40, Created, Due, Created.AddDays(5)));
        Assert.Equal(60, PriorityEscalation.Target(100, 100, 20, Created, Due, Created.AddDays(5)));
        Assert.Null(PriorityEscalation.Target(5, 5, 5, Created, Due, Created.AddDays(5)));
    }

    [Fact]
    public async Task The_Job_Raises_Overdue_Bound_Tickets_As_Time_Passes_Once_Per_Step()
    {
        var (scenario, clock) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var general = await scenario.GeneralQueueIdAsync();
        var withDue = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = general, Subject = "Climbs", InitialPriority = 0, FinalPriority = 100, Due = AutomationKit.Start.AddDays(4),
        })).EnsureSucceeded().Id;
        var noDue = (await scenario.CreateAsync(root, new NewTicket { QueueId = general, Subject = "No due", FinalPriority = 100 })).EnsureSucceeded().Id;

        clock.Advance(TimeSpan.FromDays(1));
        await scenario.RunJobAsync<EscalationJob>();
        await scenario.RunJobAsync<EscalationJob>();
        Assert.Equal(25, (await scenario.LoadTicketAsync(withDue)).Priority);
        var changes = (await scenario.OfTypeAsync(withDue, TransactionType.Set)).Where(t => t.Field == "Priority").ToList();
        Assert.Equal("25", Assert.Single(changes).NewValue);
        Assert.Equal(0, (await scenario.LoadTicketAsync(noDue)).Priority); // no due date, no queue setting

        clock.Advance(TimeSpan.FromDays(2));
        await scenario.RunJobAsync<EscalationJob>();
        Assert.Equal(75, (await scenario.LoadTicketAsync(withDue)).Priority);
        clock.Advance(TimeSpan.FromDays(5));
        await scenario.RunJobAsync<EscalationJob>();
        Assert.Equal(100, (await scenario.LoadTicketAsync(withDue)).Priority);

        // A queue may let tickets without a due date escalate as if due some days after creation.
        await scenario.DbAsync(async db =>
        {
            db.QueueSlas().Add(new QueueSla { QueueId = general, EscalateWithoutDueDays = 16 });
            return await db.SaveChangesAsync();
        });
        await scenario.RunJobAsync<EscalationJob>();
        Assert.Equal(50, (await scenario.LoadTicketAsync(noDue)).Priority); // 8 of 16 days
        var system = await scenario.ActorAsync("system");
        Assert.All(await scenario.OfTypeAsync(noDue, TransactionType.Set), t => Assert.Equal(system.Id, t.ActorId));
    }

    [Fact]
    public async Task Resolved_Tickets_Do_Not_Escalate()
    {
        var (scenario, clock) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var id = (await scenario.CreateAsync(root, new NewTicket
        {
            QueueId = await scenario.GeneralQueueIdAsync(), Subject = "Done", FinalPriority = 100, Due = AutomationKit.Start.AddDays(1),
        })).EnsureSucceeded().Id;
        (await scenario.ApplyAsync(root, id, new SetStatus("resolved"))).EnsureSucceeded();
        clock.Advance(TimeSpan.FromDays(2));
        await scenario.RunJobAsync<EscalationJob>();
        Assert.Equal(0, (await scenario.LoadTicketAsync(id)).Priority);
    }
}
