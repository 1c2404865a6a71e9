using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Search;

namespace NocBoard.Tests.Search;

/// <summary>Sorting and paging happen in the database; bad sort orders are refused with a position.</summary>
public class TicketSearchPagingTests(SearchFixture f) : IClassFixture<SearchFixture>
{
    private async Task<string[]> Page(string orderBy, int page = 1, int size = 50, string query = "")
    {
        var result = await f.SearchAsync(query, f.Root, orderBy, page, size);
        return result.Tickets.Select(t => f.NameOf(t.Id)).ToArray();
    }

    [Fact]
    public async Task Pages_Split_The_Sorted_Results()
    {
        Assert.Equal(["T2", "T7", "T1"], await Page("Priority DESC, id ASC", 1, 3));
        Assert.Equal(["T5", "T4", "T3"], await Page("Priority DESC, id ASC", 2, 3));
        var beyond = await f.SearchAsync("", f.Root, "Priority DESC", 3, 3);
        Assert.Empty(beyond.Tickets);
        Assert.Equal((6, 2), (beyond.Total, beyond.Pages));
    }

    [Fact]
    public async Task Ticket_Number_Is_The_Default_Order_And_Breaks_Ties()
    {
        Assert.Equal(["T1", "T7", "T2", "T3", "T4", "T5"], await Page(""));
        Assert.Equal(["T1", "T5"], await Page("priority desc", query: "Priority = 50"));
        Assert.Equal(["T5", "T4", "T3", "T2", "T7", "T1"], await Page("id DESC"));
    }

    [Theory]
    [InlineData("Subject", "T1 T3 T7 T2 T5 T4")]
    [InlineData("Queue, id", "T7 T1 T3 T4 T2 T5")]
    [InlineData("Owner ASC", "T1 T4 T2 T7 T3 T5")]
    [InlineData("Owner DESC", "T7 T2 T1 T4 T3 T5")]
    [InlineData("Due", "T2 T1 T7 T3 T4 T5")]
    [InlineData("Due DESC", "T2 T1 T7 T3 T4 T5")]
    [InlineData("Created DESC", "T5 T4 T3 T2 T7 T1")]
    [InlineData("LastUpdated", "T1 T7 T2 T3 T4 T5")]
    [InlineData("Resolved DESC", "T5 T4 T1 T7 T2 T3")]
    [InlineData("Status, TimeWorked DESC", "T2 T7 T1 T4 T5 T3")]
    public async Task Sortable_Fields(string orderBy, string expected) =>
        Assert.Equal(expected.Split(' '), await Page(orderBy));

    [Theory]
    [InlineData("Colour DESC", "Cannot sort by 'Colour' at position 0. Sortable fields: id, Subject, Queue, Status, Owner,", 0)]
    [InlineData("Priority DOWN", "Expected ASC or DESC after 'Priority' at position 9, found 'DOWN'.", 9)]
    [InlineData("Priority DESC, Content", "Cannot sort by 'Content' at position 15.", 15)]
    [InlineData("Priority DESC,", "Expected a field to sort by at position 14.", 14)]
    [InlineData("Priority DESC id", "Expected ',' or the end at position 14, found 'id'.", 14)]
    [InlineData("CF.Device", "Cannot sort by 'CF.Device' at position 0.", 0)]
    public async Task Bad_Sort_Orders_Are_Refused(string orderBy, string message, int position)
    {
        var error = await Assert.ThrowsAsync<TicketSqlException>(() => f.SearchAsync("", f.Root, orderBy));
        Assert.StartsWith(message, error.Message);
        Assert.Equal((position, TicketSqlPart.OrderBy), (error.Position, error.Part));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, TicketSearch.MaxPageSize + 1)]
    public async Task Page_And_Size_Must_Be_Sensible(int page, int size) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => f.SearchAsync("", f.Root, null, page, size));

    [Fact]
    public Task Callers_Refine_The_Query_In_The_Database() => f.S.InScopeAsync(async sp =>
    {
        var tickets = await sp.GetRequiredService<TicketSearch>().QueryAsync("Status = '__Active__'", f.Root);
        var ids = await tickets.Where(t => t.Priority > 60).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        Assert.Equal(["T7", "T2"], ids.Select(f.NameOf));
        Assert.Equal(4, await tickets.CountAsync());
    });
}
