using Microsoft.Extensions.Time.Testing;
using NocBoard.Search;

namespace NocBoard.Tests.Search;

/// <summary>Date values read against a fake clock, with days that begin at midnight in Berlin.</summary>
public class RelativeDatesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static RelativeDates At(string utcNow) => new(new FakeTimeProvider(DateTimeOffset.Parse(utcNow)), Berlin);

    private static DateRange Resolve(RelativeDates dates, string text)
    {
        var (range, problem) = dates.Resolve(text);
        Assert.True(range.HasValue, problem);
        return range.Value;
    }

    [Theory]
    // 2026-11-20 10:00 UTC is 11:00 in Berlin (CET, UTC+1).
    [InlineData("now", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")]
    [InlineData("NOW", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")]
    [InlineData("today", "2026-11-19T23:00:00Z", "2026-11-20T23:00:00Z")]
    [InlineData("Yesterday", "2026-11-18T23:00:00Z", "2026-11-19T23:00:00Z")]
    [InlineData("tomorrow", "2026-11-20T23:00:00Z", "2026-11-21T23:00:00Z")]
    [InlineData("-7 days", "2026-11-13T10:00:00Z", "2026-11-13T10:00:00Z")]
    [InlineData("7 days ago", "2026-11-13T10:00:00Z", "2026-11-13T10:00:00Z")]
    [InlineData("+3 days", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z")]
    [InlineData("2 hours ago", "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z")]
    [InlineData("-30 minutes", "2026-11-20T09:30:00Z", "2026-11-20T09:30:00Z")]
    [InlineData("+1 week", "2026-11-27T10:00:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("1 month ago", "2026-10-20T09:00:00Z", "2026-10-20T09:00:00Z")]
    [InlineData("-1 year", "2025-11-20T10:00:00Z", "2025-11-20T10:00:00Z")]
    [InlineData("2026-11-01", "2026-10-31T23:00:00Z", "2026-11-01T23:00:00Z")]
    [InlineData("2026-07-01", "2026-06-30T22:00:00Z", "2026-07-01T22:00:00Z")]
    [InlineData("2026-11-01 14:00", "2026-11-01T13:00:00Z", "2026-11-01T13:01:00Z")]
    [InlineData("2026-11-01T14:00", "2026-11-01T13:00:00Z", "2026-11-01T13:01:00Z")]
    [InlineData("2026-11-01 14:00:30", "2026-11-01T13:00:30Z", "2026-11-01T13:00:30Z")]
    [InlineData("2026-11-01T14:00:00Z", "2026-11-01T14:00:00Z", "2026-11-01T14:00:00Z")]
    [InlineData("2026-11-01T14:00:00+02:00", "2026-11-01T12:00:00Z", "2026-11-01T12:00:00Z")]
    public void Values_Become_Utc_Ranges(string text, string start, string end)
    {
        var range = Resolve(At("2026-11-20T10:00:00Z"), text);
        Assert.Equal((DateTimeOffset.Parse(start), DateTimeOffset.Parse(end)), (range.Start, range.End));
        Assert.Equal(TimeSpan.Zero, range.Start.Offset);
        Assert.Equal(TimeSpan.Zero, range.End.Offset);
    }

    [Fact]
    public void Days_Follow_Daylight_Saving_In_The_Site_Zone()
    {
        // Berlin moved its clocks forward on 2026-03-29: that day has 23 hours.
        var dates = At("2026-03-29T12:00:00Z");
        var today = Resolve(dates, "today");
        Assert.Equal((DateTimeOffset.Parse("2026-03-28T23:00:00Z"), DateTimeOffset.Parse("2026-03-29T22:00:00Z")), (today.Start, today.End));
        // A calendar day back keeps the wall-clock time (14:00 CEST → 14:00 CET); hours are exact.
        Assert.Equal(DateTimeOffset.Parse("2026-03-28T13:00:00Z"), Resolve(dates, "-1 day").Start);
        Assert.Equal(DateTimeOffset.Parse("2026-03-28T12:00:00Z"), Resolve(dates, "24 hours ago").Start);
    }

    [Fact]
    public void The_Day_Changes_At_Midnight_In_The_Site_Zone_Not_In_Utc()
    {
        // 23:30 UTC on the 20th is already the 21st in Berlin.
        var today = Resolve(At("2026-11-20T23:30:00Z"), "today");
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T23:00:00Z"), today.Start);
    }

    [Theory]
    [InlineData("garbage", "it is not a date")]
    [InlineData("", "it is not a date")]
    [InlineData("2026-13-01", "it is not a date")]
    [InlineData("7 days", "say which way: '-7 days' or '7 days ago' for the past, '+7 days' for the future")]
    [InlineData("+3 days ago", "write either a sign or 'ago', not both")]
    [InlineData("-2 fortnights", "'fortnights' is not a unit of time")]
    public void Garbage_Is_Explained(string text, string problem)
    {
        var (range, why) = At("2026-11-20T10:00:00Z").Resolve(text);
        Assert.Null(range);
        Assert.StartsWith(problem, why);
    }
}
