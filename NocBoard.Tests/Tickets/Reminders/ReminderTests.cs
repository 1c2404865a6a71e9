using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Tickets;
using NocBoard.Tickets.Reminders;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets.Reminders;

public class ReminderTests
{
    [Fact]
    public async Task A_Reminder_Is_Added_And_Completed_Through_The_Write_Path_With_History()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        var due = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.FromHours(1));

        var added = await s.ApplyAsync(root, id, new AddReminder("Call the carrier back", due));
        Assert.True(added.Succeeded, added.Error?.Message);
        var reminder = await s.DbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.TicketId == id));
        Assert.Equal((root.Id, due.ToUniversalTime(), (DateTimeOffset?)null), (reminder.OwnerId, reminder.Due, reminder.Completed));

        Assert.True((await s.ApplyAsync(root, id, new CompleteReminder(reminder.Id))).Succeeded);
        Assert.NotNull((await s.DbAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Id == reminder.Id))).Completed);
        var types = (await s.TransactionsAsync(id)).Select(t => t.Type).ToList();
        Assert.Equal([TransactionType.Create, TransactionType.AddReminder, TransactionType.ResolveReminder], types);
    }

    [Fact]
    public async Task Reminders_Need_ModifyTicket_And_A_Subject()
    {
        await using var s = await Scenario.StartAsync();
        var id = await s.TicketAsync();
        var viewer = await s.UserAsync("viewer");
        await s.GrantAsync(Right.ShowTicket, user: viewer);

        Assert.Contains("ModifyTicket", (await s.ApplyAsync(viewer, id, new AddReminder("x", null))).Error!.Message);
        Assert.Equal("A reminder needs a subject.", (await s.ApplyAsync(await s.RootAsync(), id, new AddReminder(" ", null))).Error!.Message);
        Assert.Contains("has no reminder #99", (await s.ApplyAsync(await s.RootAsync(), id, new CompleteReminder(99))).Error!.Message);
    }
}
