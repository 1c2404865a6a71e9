using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NocBoard.Accounts.Preferences;
using NocBoard.Components.Shared;
using NocBoard.Site;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Accounts.Preferences;

public class TimeZonePreferenceTests
{
    [Fact]
    public async Task A_User_Reads_Dates_In_Their_Zone_And_Others_Keep_The_Sites()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["Site:TimeZone"] = "Europe/Berlin" });
        var root = await s.RootAsync();
        var other = await s.UserAsync("kim");
        await s.InScopeAsync(async sp =>
        {
            var zones = sp.GetRequiredService<TimeZonePreference>();
            Assert.Equal("Europe/Berlin", (await zones.ForAsync(root)).Id);
            await zones.SetAsync(root, "America/New_York");
            var bad = await Assert.ThrowsAsync<ArgumentException>(() => zones.SetAsync(root, "Mars/Olympus_Mons"));
            Assert.Contains("'Mars/Olympus_Mons' is not a time zone", bad.Message);
        });
        await s.InScopeAsync(async sp =>
        {
            var zones = sp.GetRequiredService<TimeZonePreference>();
            Assert.Equal("America/New_York", (await zones.ForAsync(root)).Id);
            Assert.Equal("Europe/Berlin", (await zones.ForAsync(other)).Id);
        });
    }

    [Fact]
    public async Task When_Shows_The_Exact_Time_In_The_Cascaded_Zone()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddSingleton(Options.Create(new SiteOptions { TimeZone = "UTC" }));
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton<UserClock>();
        var moment = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

        var inBerlin = ctx.Render<CascadingValue<TimeZoneInfo>>(p => p
            .Add(x => x.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .AddChildContent<When>(w => w.Add(x => x.Value, moment)));
        Assert.Equal("2026-07-01 14:00 Europe/Berlin", inBerlin.Find("time").GetAttribute("title"));

        var atSite = ctx.Render<When>(p => p.Add(x => x.Value, moment));
        Assert.Equal("2026-07-01 12:00 UTC", atSite.Find("time").GetAttribute("title"));
        Assert.Equal(moment.ToString("o"), atSite.Find("time").GetAttribute("datetime"));
    }
}
