namespace NocBoard.Tests.Search;

/// <summary>
/// Each field and operator against the seeded NOC (see <see cref="SearchFixture"/>), searched as
/// root, who sees every ticket. {T1} and {Outages} stand for ticket and queue numbers.
/// </summary>
public class TicketSearchFieldTests(SearchFixture f) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("", "T1 T2 T3 T4 T5 T7")]
    [InlineData("id = {T1}", "T1")]
    [InlineData("id = {T6}", "T2")]
    [InlineData("id != {T1}", "T2 T3 T4 T5 T7")]
    [InlineData("id < {T2}", "T1 T7")]
    [InlineData("id >= {T3}", "T3 T4 T5")]
    [InlineData("Subject LIKE 'fibre'", "T2")]
    [InlineData("subject like 'FIBRE'", "T2")]
    [InlineData("Subject NOT LIKE 'a'", "")]
    [InlineData("Subject = 'fibre cut hamburg'", "T2")]
    [InlineData("Subject != 'Fibre cut Hamburg'", "T1 T3 T4 T5 T7")]
    [InlineData("Priority > 40", "T1 T2 T5 T7")]
    [InlineData("Priority = 50", "T1 T5")]
    [InlineData("Priority != 50", "T2 T3 T4 T7")]
    [InlineData("Priority <= 30", "T3 T4")]
    [InlineData("Priority < '30'", "T3")]
    [InlineData("Priority >= 90", "T2")]
    [InlineData("TimeWorked > 0", "T1 T5")]
    [InlineData("TimeWorked = 45", "T5")]
    public async Task Ticket_Columns(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("Queue = 'Outages'", "T2 T5")]
    [InlineData("Queue = 'outages'", "T2 T5")]
    [InlineData("Queue = {Outages}", "T2 T5")]
    [InlineData("Queue != 'General'", "T2 T5 T7")]
    [InlineData("Queue LIKE 'gen'", "T1 T3 T4")]
    [InlineData("Queue NOT LIKE 'gen'", "T2 T5 T7")]
    [InlineData("Queue = 'No such queue'", "")]
    [InlineData("Status = 'stalled'", "T3 T5")]
    [InlineData("Status = 'OPEN'", "T1")]
    [InlineData("Status != 'stalled'", "T1 T2 T4 T7")]
    [InlineData("Status LIKE 'invest'", "T2")]
    [InlineData("Status = '__Active__'", "T1 T2 T3 T7")]
    [InlineData("Status != '__Active__'", "T4 T5")]
    [InlineData("Status = '__Inactive__'", "T4 T5")]
    [InlineData("Status != '__Inactive__'", "T1 T2 T3 T7")]
    [InlineData("Status = '__Initial__'", "T7")]
    public async Task Queue_And_Status(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("Owner = 'alice'", "T1 T4")]
    [InlineData("Owner = 'ALICE@noc.example'", "T1 T4")]
    [InlineData("Owner = {alice}", "T1 T4")]
    [InlineData("Owner != 'alice'", "T2 T3 T5 T7")]
    [InlineData("Owner LIKE 'ali'", "T1 T4")]
    [InlineData("Owner NOT LIKE 'ali'", "T2 T3 T5 T7")]
    [InlineData("Owner = 'Nobody'", "T3 T5")]
    [InlineData("Owner != 'nobody'", "T1 T2 T4 T7")]
    [InlineData("Owner IS NULL", "T3 T5")]
    [InlineData("Owner IS NOT NULL", "T1 T2 T4 T7")]
    [InlineData("Owner = 'nobody-by-that-name@example.net'", "")]
    [InlineData("Requestor = 'carol@customer.example'", "T1 T3")]
    [InlineData("Requestor = 'carol'", "T1 T3")]
    [InlineData("Requestor = {carol}", "T1 T3")]
    [InlineData("Requestor = 'OPS@carrier.example'", "T2")]
    [InlineData("Requestor LIKE 'carrier'", "T2")]
    [InlineData("Requestor LIKE 'customer.example'", "T1 T3")]
    [InlineData("Requestor != 'carol'", "T2 T4 T5 T7")]
    [InlineData("Requestor IS NULL", "T4 T5")]
    [InlineData("Requestors IS NOT NULL", "T1 T2 T3 T7")]
    [InlineData("Cc = 'noc@peer.example'", "T1")]
    [InlineData("Cc IS NOT NULL", "T1")]
    [InlineData("AdminCc = 'alice'", "T2")]
    [InlineData("AdminCc LIKE 'noc.example'", "T2")]
    [InlineData("Creator = 'root'", "T1 T2 T3 T4 T5 T7")]
    public async Task People(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("Created = 'today'", "T4 T5")]
    [InlineData("Created = 'yesterday'", "T3")]
    [InlineData("Created < 'today'", "T1 T2 T3 T7")]
    [InlineData("Created > 'yesterday'", "T4 T5")]
    [InlineData("Created >= 'yesterday'", "T3 T4 T5")]
    [InlineData("Created > '-3 days'", "T2 T3 T4 T5")]
    [InlineData("Created >= '2 days ago'", "T3 T4 T5")]
    [InlineData("Created > '90 minutes ago'", "T5")]
    [InlineData("Created < '2026-11-12'", "T1")]
    [InlineData("Created = '2026-11-12'", "T7")]
    [InlineData("Created <= '2026-11-12'", "T1 T7")]
    [InlineData("Created > '2026-11-20 09:00'", "T5")]
    [InlineData("Created = '2026-11-20 10:30'", "T5")]
    [InlineData("Created = '2026-11-20T09:30:00Z'", "T5")]
    [InlineData("LastUpdated < '2026-11-15'", "T1 T7")]
    [InlineData("Due = 'tomorrow'", "T2")]
    [InlineData("Due < '+2 days'", "T2")]
    [InlineData("Due IS NULL", "T1 T3 T4 T5 T7")]
    [InlineData("Due != 'today'", "T2")]
    [InlineData("Resolved IS NOT NULL", "T4 T5")]
    [InlineData("Resolved = 'today'", "T4 T5")]
    [InlineData("Starts > 'now'", "T4")]
    [InlineData("Starts < 'now'", "")]
    public async Task Dates_Relative_To_The_Fake_Clock_In_Berlin(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("CF.{Device} = 'EDGE-FRA-1'", "T1")]
    [InlineData("'CF.{Device}' LIKE 'edge'", "T1 T2")]
    [InlineData("CF.Device NOT LIKE 'edge'", "T3 T4 T5 T7")]
    [InlineData("CF.Device != 'core-ber-1'", "T1 T2 T3 T5 T7")]
    [InlineData("cf.device IS NULL", "T3 T5 T7")]
    [InlineData("CF.{Circuit Capacity} > 50", "T1 T4")]
    [InlineData("CF.{Circuit Capacity} = 1000", "T4")]
    [InlineData("CF.{Circuit Capacity} <= '120'", "T1 T2")]
    [InlineData("CF.Impact = 'high'", "T2")]
    [InlineData("CF.Impact != 'High'", "T1 T3 T4 T5 T7")]
    [InlineData("CF.Impact IS NOT NULL", "T2 T5")]
    [InlineData("CF.{Window Start} = '2026-11-25'", "T4")]
    [InlineData("CF.{Window Start} < '2026-11-25'", "")]
    [InlineData("CF.{Window Start} > 'now'", "T4")]
    public async Task Custom_Fields(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("Content LIKE 'excavator'", "T2")]
    [InlineData("Content LIKE 'EXCAV'", "T2")]
    [InlineData("Content = 'excav'", "")]
    [InlineData("Content = 'splice box'", "T2")]
    [InlineData("Content = 'box splice'", "")]
    [InlineData("Content LIKE 'optics'", "T1")]
    [InlineData("Content LIKE 'transceiver'", "T1")]
    [InlineData("Content LIKE 'secretword'", "")]
    [InlineData("Content NOT LIKE 'excavator'", "T1 T3 T4 T5 T7")]
    [InlineData("Content != 'escalation'", "T1 T2 T3 T4 T5")]
    [InlineData("Content LIKE 'AS64500'", "T1")]
    [InlineData("Content LIKE '\"quoted\" OR *'", "")]
    public async Task Content_Through_The_Full_Text_Index(string query, string expected) => await Check(query, expected);

    [Theory]
    [InlineData("Queue = 'Outages' OR Priority = 10 AND Owner = 'Nobody'", "T2 T3 T5")]
    [InlineData("(Queue = 'Outages' OR Priority = 10) AND Owner = 'Nobody'", "T3 T5")]
    [InlineData("Priority = 10 AND Owner = 'Nobody' OR Queue = 'Outages'", "T2 T3 T5")]
    [InlineData("Status = '__Active__' AND (Owner = 'alice' OR Requestor LIKE 'carrier')", "T1 T2")]
    [InlineData("queue = 'General' and (status = 'open' or status = 'stalled') AND priority > 0", "T1 T3")]
    public async Task And_Binds_Tighter_Than_Or(string query, string expected) => await Check(query, expected);

    private async Task Check(string query, string expected)
    {
        foreach (var (name, id) in f.Ids) query = query.Replace($"{{{name}}}", id.ToString());
        foreach (var (name, id) in f.Queues) query = query.Replace($"{{{name}}}", id.ToString());
        query = query.Replace("{alice}", f.Alice.Id.ToString()).Replace("{carol}", f.Carol.Id.ToString());
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), await f.FindAsync(query));
    }
}
