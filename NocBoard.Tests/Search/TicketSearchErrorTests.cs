using Microsoft.Extensions.DependencyInjection;
using NocBoard.Search;

namespace NocBoard.Tests.Search;

/// <summary>Queries that parse but cannot be run: wrong types, unknown names, operators a field does not take.</summary>
public class TicketSearchErrorTests(SearchFixture f) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("Priority = 'abc'", "Priority takes a whole number, not 'abc', at position 11.", 11)]
    [InlineData("Status = 'open' AND TimeWorked > 1.5", "TimeWorked takes a whole number, not '1.5', at position 33.", 33)]
    [InlineData("id = 'latest'", "id takes a whole number, not 'latest', at position 5.", 5)]
    [InlineData("Created > 'garbage'", "Created takes a date, not 'garbage', at position 10: it is not a date (use e.g. '2026-11-01'", 10)]
    [InlineData("Due < '7 days'", "Due takes a date, not '7 days', at position 6: say which way: '-7 days' or '7 days ago' for the past, '+7 days' for the future.", 6)]
    [InlineData("Starts > '-3 lightyears'", "Starts takes a date, not '-3 lightyears', at position 9: 'lightyears' is not a unit of time", 9)]
    [InlineData("Priority LIKE '5'", "Priority cannot be compared with LIKE at position 9; use =, !=, <, >, <= or >=.", 9)]
    [InlineData("Created NOT LIKE 'today'", "Created cannot be compared with NOT LIKE at position 8;", 8)]
    [InlineData("Subject > 'a'", "Subject cannot be compared with > at position 8; use =, !=, LIKE or NOT LIKE.", 8)]
    [InlineData("Status < 'open'", "Status cannot be compared with < at position 7;", 7)]
    [InlineData("Owner >= 'alice'", "Owner cannot be compared with >= at position 6;", 6)]
    [InlineData("id LIKE '__Bookmarked__'", "id cannot be compared with LIKE at position 3;", 3)]
    [InlineData("id < '__Bookmarked__'", "id cannot be compared with < at position 3; use = or !=.", 3)]
    [InlineData("Subject IS NULL", "Subject always has a value, so IS NULL does not apply to it at position 8.", 8)]
    [InlineData("Priority IS NOT NULL", "Priority always has a value, so IS NOT NULL does not apply to it at position 9.", 9)]
    [InlineData("Status = 'opne'", "'opne' at position 9 is not a status of any queue. Statuses: new, open, stalled, resolved, rejected, deleted, reported, investigating, closed, or the groups __Active__, __Inactive__ and __Initial__.", 9)]
    [InlineData("CF.{Colour} = 'red'", "Unknown custom field 'Colour' at position 0. Custom fields: Circuit Capacity, Device, Impact, Window Start.", 0)]
    [InlineData("CF.{Circuit Capacity} > 'lots'", "CF.{Circuit Capacity} takes a number, not 'lots', at position 24.", 24)]
    [InlineData("CF.{Window Start} = 'soon'", "CF.{Window Start} takes a date, not 'soon', at position 20:", 20)]
    [InlineData("CF.Device > 'a'", "CF.{Device} cannot be compared with > at position 10;", 10)]
    [InlineData("Content LIKE '...'", "Content needs a word to look for at position 13.", 13)]
    [InlineData("Content > 'x'", "Content cannot be compared with > at position 8;", 8)]
    [InlineData("Content IS NULL", "Content always has a value, so IS NULL does not apply", 8)]
    public async Task Errors_Name_The_Field_The_Value_And_The_Position(string query, string message, int position)
    {
        var error = await Assert.ThrowsAsync<TicketSqlException>(() => f.SearchAsync(query, f.Root));
        Assert.StartsWith(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public async Task The_Value_Is_Underlined_Whole()
    {
        var error = await Assert.ThrowsAsync<TicketSqlException>(() => f.SearchAsync("Created > 'garbage'", f.Root));
        Assert.Equal(9, error.Length);   // 'garbage' with its quotes
    }

    [Fact]
    public Task Validate_Checks_Query_And_Order_Without_Running_Them() => f.S.InScopeAsync(async sp =>
    {
        var search = sp.GetRequiredService<TicketSearch>();
        await search.ValidateAsync("Priority > 1 AND Content LIKE 'bgp'", "Due DESC", f.Root);
        var query = await Assert.ThrowsAsync<TicketSqlException>(() => search.ValidateAsync("Priority > 'x'", null, f.Root));
        Assert.Equal((11, TicketSqlPart.Query), (query.Position, query.Part));
        var order = await Assert.ThrowsAsync<TicketSqlException>(() => search.ValidateAsync("Priority > 1", "id, Colour", f.Root));
        Assert.Equal((4, TicketSqlPart.OrderBy), (order.Position, order.Part));
    });
}
