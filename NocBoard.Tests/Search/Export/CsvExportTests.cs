using System.Net;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Search.Export;

public class CsvExportTests
{
    [Fact]
    public async Task Search_Results_Export_As_Csv_In_Order_With_Formulas_Defused()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var low = await s.TicketAsync("Low, with comma");
        await s.ApplyAsync(root, low, new SetField(TicketField.Priority, "5"));
        var high = await s.TicketAsync("=HYPERLINK(\"http://evil\")");
        await s.ApplyAsync(root, high, new SetField(TicketField.Priority, "90"));
        await s.TicketAsync("Other");

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var response = await web.GetAsync("search/export.csv?query=" + Uri.EscapeDataString("Priority > 1") + "&orderBy=" + Uri.EscapeDataString("Priority DESC"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Id,Subject,Queue,Status,Owner,Priority", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{high},", lines[1]);
        Assert.DoesNotContain(",=HYPERLINK", lines[1]);
        Assert.StartsWith($"{low},\"Low, with comma\",General,new,Nobody,5", lines[2]);
    }

    [Fact]
    public async Task A_Bad_Query_Is_A_400_With_The_Reason_And_Anonymous_Users_Get_Nothing()
    {
        await using var s = await Scenario.StartAsync();
        using var anonymous = WebSession.For(s.App);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("search/export.csv")).StatusCode);

        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var response = await web.GetAsync("search/export.csv?query=" + Uri.EscapeDataString("Status ="));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("position", await response.Content.ReadAsStringAsync());
    }
}
