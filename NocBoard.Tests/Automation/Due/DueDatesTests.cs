using NocBoard.Automation;
using NocBoard.Automation.Due;
using NocBoard.Automation.Scrips;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Automation.Due;

public class DueDatesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly QueueSla Office = new()
    {
        BusinessStart = new TimeOnly(8, 0), BusinessEnd = new TimeOnly(18, 0), BusinessDays = "Mon,Tue,Wed,Thu,Fri", Holidays = "2026-12-25",
    };

    [Fact]
    public void Business_Hours_Skip_Nights_Weekends_And_Holidays()
    {
        // Friday 2026-11-27 16:00 Berlin (15:00 UTC) + 4 working hours = Monday 10:00 Berlin.
        var friday = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), BusinessHours.Add(friday, TimeSpan.FromHours(4), Office, Berlin));
        // Saturday night: the clock starts Monday 08:00.
        var saturday = new DateTimeOffset(2026, 11, 28, 22, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), BusinessHours.Add(saturday, TimeSpan.FromHours(1), Office, Berlin));
        // Thursday 24th 17:00 + 2 hours: Christmas Friday is a holiday, so Monday 28th 09:00.
        var christmasEve = new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 8, 0, 0, TimeSpan.Zero), BusinessHours.Add(christmasEve, TimeSpan.FromHours(2), Office, Berlin));
        // Without business hours the clock runs round the clock.
        Assert.Equal(friday.AddHours(4), BusinessHours.Add(friday, TimeSpan.FromHours(4), new QueueSla(), Berlin));
    }

    [Fact]
    public void Bad_Days_And_Holidays_Are_Named()
    {
        Assert.Contains("'Funday'", Assert.Throws<FormatException>(() => BusinessHours.WorkingDays("Mon,Funday")).Message);
        Assert.Contains("'25.12.2026'", Assert.Throws<FormatException>(() => BusinessHours.Holidays("25.12.2026")).Message);
    }

    [Fact]
    public async Task A_Queue_Service_Level_Sets_The_Due_Date_Of_New_Tickets_And_Due_Passed_Fires_Once()
    {
        var (scenario, clock) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Site:TimeZone"] = "Europe/Berlin" });
        await using var _s = scenario;
        var general = await scenario.GeneralQueueIdAsync();
        await scenario.DbAsync(async db =>
        {
            db.QueueSlas().Add(new QueueSla { QueueId = general, DueInHours = 4, BusinessStart = new TimeOnly(8, 0), BusinessEnd = new TimeOnly(18, 0) });
            return await db.SaveChangesAsync();
        });
        await scenario.OnlyScripsAsync(new Scrip
        {
            Description = "On Due Passed Notify Others", Condition = ScripCondition.OnDuePassed, Action = ScripAction.NotifyOtherRecipients,
            ActionArgument = "duty@noc.example.net", TemplateName = "Due Passed",
        });
        // Monday 2026-11-23 09:00 UTC = 10:00 Berlin: due at 14:00 Berlin (13:00 UTC).
        var id = await scenario.TicketAsync("Customer cannot reach VPN");
        await scenario.SettleAsync();
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), (await scenario.LoadTicketAsync(id)).Due);

        await scenario.RunJobAsync<DuePassedJob>();
        Assert.Empty(await scenario.OfTypeAsync(id, TransactionType.DuePassed));

        clock.Advance(TimeSpan.FromHours(5));
        await scenario.RunJobAsync<DuePassedJob>();
        await scenario.RunJobAsync<DuePassedJob>();
        await scenario.SettleAsync();
        Assert.Single(await scenario.OfTypeAsync(id, TransactionType.DuePassed));
        var mail = Assert.Single(await scenario.MailsAsync());
        Assert.Equal(["duty@noc.example.net"], mail.To());
        Assert.Equal($"[NOC #{id}] Overdue: Customer cannot reach VPN", mail.Subject);
        Assert.Contains("was due 2026-11-23 14:00", mail.TextBody);

        // A new due date that passes again is a new occasion.
        (await scenario.ApplyAsync(await scenario.RootAsync(), id, new SetField(TicketField.Due, "2026-11-23T13:30:00Z"))).EnsureSucceeded();
        await scenario.RunJobAsync<DuePassedJob>();
        Assert.Equal(2, (await scenario.OfTypeAsync(id, TransactionType.DuePassed)).Count);
    }
}
