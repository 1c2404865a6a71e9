using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Automation;
using NocBoard.Automation.Admin;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Automation.Admin;

public class QueueSlaAdminTests
{
    [Fact]
    public async Task A_Queue_Admin_Sets_The_Service_Level_And_New_Tickets_Are_Due_In_Working_Hours()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Site:TimeZone"] = "UTC" });
        await using var _s = scenario;
        var outages = await scenario.QueueAsync("Outages");
        var admin = await scenario.UserAsync("queueadmin");
        await scenario.GrantAllAsync(admin, outages, Right.AdminQueue);

        var saved = await scenario.InScopeAsync(sp => sp.GetRequiredService<QueueSlaAdmin>().SaveAsync(admin, outages, new QueueSlaForm
        {
            DueInHours = 4, BusinessStart = "8:00", BusinessEnd = "18:00", BusinessDays = "mon tue wed thu fri",
            Holidays = "2026-12-26 2026-12-25", TimeZone = "Europe/Berlin", EscalateWithoutDueDays = 3,
        }));
        Assert.True(saved.Succeeded, saved.Error?.Message);
        var form = (await scenario.InScopeAsync(sp => sp.GetRequiredService<QueueSlaAdmin>().GetAsync(admin, outages))).Value!;
        Assert.Equal(("08:00", "18:00", "Mon,Tue,Wed,Thu,Fri", "2026-12-25,2026-12-26", "Europe/Berlin", 3),
            (form.BusinessStart, form.BusinessEnd, form.BusinessDays, form.Holidays, form.TimeZone, form.EscalateWithoutDueDays));

        // Monday 2026-11-23 09:00 UTC is 10:00 in Berlin: four working hours later is 14:00 Berlin, 13:00 UTC.
        var id = await scenario.TicketAsync("Customer cannot reach VPN", outages);
        await scenario.SettleAsync();
        var due = await scenario.DbAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Due).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), due);
    }

    [Theory]
    [InlineData("DueInHours", 0, "8:00", "18:00", "Mon", null, null, "not a time to work")]
    [InlineData("BusinessStart", 4, "8 o'clock", "18:00", "Mon", null, null, "'8 o'clock' is not a time of day")]
    [InlineData("BusinessEnd", 4, "8:00", null, "Mon", null, null, "both a start and an end")]
    [InlineData("BusinessEnd", 4, "18:00", "08:00", "Mon", null, null, "ends (08:00) before it starts (18:00)")]
    [InlineData("BusinessDays", 4, "8:00", "18:00", "Mon,Funday", null, null, "'Funday' is not a day of the week")]
    [InlineData("Holidays", 4, null, null, "Mon", "25.12.2026", null, "'25.12.2026' is not a date")]
    [InlineData("TimeZone", 4, null, null, "Mon", null, "Mars/Olympus", "'Mars/Olympus' is not a time zone")]
    public async Task Bad_Input_Is_Refused_Beside_Its_Field_And_Nothing_Is_Stored(string field, int hours, string? start, string? end,
        string days, string? holidays, string? zone, string message)
    {
        await using var scenario = await Scenario.StartAsync();
        var root = await scenario.RootAsync();
        var general = await scenario.GeneralQueueIdAsync();
        var result = await scenario.InScopeAsync(sp => sp.GetRequiredService<QueueSlaAdmin>().SaveAsync(root, general, new QueueSlaForm
        {
            DueInHours = hours, BusinessStart = start, BusinessEnd = end, BusinessDays = days, Holidays = holidays, TimeZone = zone,
        }));
        Assert.Equal(AdminErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal(field, result.Error!.Field);
        Assert.Contains(message, result.Error.Message);
        Assert.Equal(0, await scenario.DbAsync(db => db.QueueSlas().CountAsync()));
    }

    [Fact]
    public async Task Only_Holders_Of_AdminQueue_On_The_Queue_See_Or_Change_Its_Service_Level()
    {
        await using var scenario = await Scenario.StartAsync();
        var outages = await scenario.QueueAsync("Outages");
        var other = await scenario.QueueAsync("Customers");
        var admin = await scenario.UserAsync("queueadmin");
        await scenario.GrantAllAsync(admin, outages, Right.AdminQueue);
        var slas = (Func<IServiceProvider, QueueSlaAdmin>)(sp => sp.GetRequiredService<QueueSlaAdmin>());

        Assert.True((await scenario.InScopeAsync(sp => slas(sp).GetAsync(admin, outages))).Succeeded);
        var read = await scenario.InScopeAsync(sp => slas(sp).GetAsync(admin, other));
        Assert.Equal(AdminErrorKind.Forbidden, read.Error?.Kind);
        var write = await scenario.InScopeAsync(sp => slas(sp).SaveAsync(admin, other, new QueueSlaForm { DueInHours = 1 }));
        Assert.Equal(AdminErrorKind.Forbidden, write.Error?.Kind);
        Assert.Contains("AdminQueue", write.Error!.Message);
        Assert.Equal(AdminErrorKind.NotFound, (await scenario.InScopeAsync(sp => slas(sp).GetAsync(admin, 9999))).Error?.Kind);
        Assert.Equal(0, await scenario.DbAsync(db => db.QueueSlas().CountAsync()));
    }

    [Fact]
    public async Task The_Queue_Page_Shows_The_Service_Level_And_The_Preferences_Page_The_Digest_Switch()
    {
        await using var scenario = await Scenario.StartAsync();
        var general = await scenario.GeneralQueueIdAsync();
        using var web = WebSession.For(scenario.App);
        await web.LoginOrFailAsync(SystemUser.RootUserName, NocAppFactory.RootPassword);
        Assert.Contains("data-testid=\"queue-sla\"", await web.GetPageAsync($"admin/queues/{general}"));
        Assert.Contains("data-testid=\"personal-digest\"", await web.GetPageAsync("preferences"));
    }
}
