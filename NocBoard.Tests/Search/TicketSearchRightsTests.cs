namespace NocBoard.Tests.Search;

/// <summary>
/// Searches narrow what a user may see and never widen it: results and counts hold only visible
/// tickets, comments are searched only where the user may read them, custom field values only
/// where the user may see them. Bookmarks and __CurrentUser__ are the searcher's own.
/// </summary>
public class TicketSearchRightsTests(SearchFixture f) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task Each_User_Finds_Only_The_Tickets_They_May_See()
    {
        Assert.Equal(["T1", "T2", "T3", "T4", "T5"], await f.FindAsync("", f.Alice));   // General and Outages
        Assert.Equal(["T2", "T5"], await f.FindAsync("", f.Bob));                          // Outages
        Assert.Equal(["T1", "T3", "T4"], await f.FindAsync("", f.Dave));                  // General
        Assert.Equal(["T1", "T3"], await f.FindAsync("", f.Carol));                        // as requestor
        Assert.Empty(await f.FindAsync("Queue = 'Customers'", f.Alice));
        Assert.DoesNotContain("T7", await f.FindAsync("Subject LIKE 'escalation' OR Priority > 0", f.Bob));
    }

    [Fact]
    public async Task Counts_Include_Only_Visible_Tickets()
    {
        var result = await f.SearchAsync("Priority > 0", f.Alice, pageSize: 2);
        Assert.Equal(5, result.Total);
        Assert.Equal(2, result.Tickets.Count);
        Assert.Equal(3, result.Pages);
        Assert.Equal(2, (await f.SearchAsync("Priority >= 50", f.Bob)).Total);   // T2, T5; not T1 or T7
    }

    [Fact]
    public async Task Content_Search_Finds_Comments_Only_Where_They_May_Be_Read()
    {
        // "transceiver" is only in a comment on T1 (General).
        Assert.Equal(["T1"], await f.FindAsync("Content LIKE 'transceiver'"));          // root: SuperUser
        Assert.Equal(["T1"], await f.FindAsync("Content LIKE 'transceiver'", f.Alice)); // ShowTicketComments on General
        Assert.Empty(await f.FindAsync("Content LIKE 'transceiver'", f.Dave));          // sees T1, not its comments
        Assert.Empty(await f.FindAsync("Content LIKE 'transceiver'", f.Carol));         // requestor
        // ... and a negated search does not give the comment away either.
        Assert.Contains("T1", await f.FindAsync("Content NOT LIKE 'transceiver'", f.Dave));
        // Replies and the first message are public to whoever sees the ticket.
        Assert.Equal(["T1"], await f.FindAsync("Content LIKE 'optics'", f.Carol));
        Assert.Equal(["T3"], await f.FindAsync("Content LIKE 'portal'", f.Carol));
        Assert.Empty(await f.FindAsync("Content LIKE 'escalation'", f.Alice));          // T7 is not visible to her
    }

    [Fact]
    public async Task Custom_Field_Values_Are_Searched_Only_Where_They_May_Be_Seen()
    {
        Assert.Equal(["T1", "T2"], await f.FindAsync("CF.Device LIKE 'edge'"));
        Assert.Equal(["T1"], await f.FindAsync("CF.Device LIKE 'edge'", f.Alice));     // SeeCustomField on General only
        Assert.Empty(await f.FindAsync("CF.Device LIKE 'edge'", f.Dave));
        Assert.Empty(await f.FindAsync("CF.Device IS NULL", f.Dave));
        Assert.Empty(await f.FindAsync("CF.Impact = 'High'", f.Bob));
    }

    [Fact]
    public async Task Bookmarked_Means_The_Searchers_Own_Bookmarks()
    {
        Assert.Equal(["T1", "T2"], await f.FindAsync("id = '__Bookmarked__'", f.Alice));
        Assert.Equal(["T3", "T4", "T5"], await f.FindAsync("id != '__bookmarked__'", f.Alice));
        Assert.Equal(["T2"], await f.FindAsync("id = '__Bookmarked__' AND Queue = 'Outages'", f.Alice));
        Assert.Empty(await f.FindAsync("id = '__Bookmarked__'", f.Bob));
    }

    [Fact]
    public async Task Current_User_Is_The_Searcher()
    {
        Assert.Equal(["T2"], await f.FindAsync("Owner = '__CurrentUser__'", f.Bob));
        Assert.Equal(["T1", "T4"], await f.FindAsync("Owner = '__CurrentUser__'", f.Alice));
        Assert.Equal(["T2", "T3", "T5"], await f.FindAsync("Owner != '__CurrentUser__'", f.Alice));
        Assert.Equal(["T1", "T3"], await f.FindAsync("Requestor = '__CurrentUser__'", f.Carol));
        Assert.Equal(["T2"], await f.FindAsync("AdminCc = '__CurrentUser__'", f.Alice));
        Assert.Equal(["T1", "T3"], await f.FindAsync("Requestor = '__CurrentUser__' AND Status = '__Active__'", f.Carol));
    }
}
