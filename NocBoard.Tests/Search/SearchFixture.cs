using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Bookmarks;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Search;

/// <summary>
/// One NOC's tickets, seeded once through the write path and shared by the read-only search
/// tests. The clock is fake and stops at <see cref="Now"/> (11:00 in Berlin, the site's zone).
/// Tickets are named T1..T7; T6 is merged into T2.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = At(11, 20, 10, 0);

    private readonly Dictionary<int, string> names = [];

    public FakeTimeProvider Clock { get; } = new(At(11, 1, 0, 0));
    public Scenario S { get; private set; } = null!;
    public Dictionary<string, int> Ids { get; } = [];
    public Dictionary<string, int> Queues { get; } = [];
    public Actor Root { get; private set; } = null!;
    public Actor Alice { get; private set; } = null!;
    public Actor Bob { get; private set; } = null!;
    public Actor Carol { get; private set; } = null!;
    public Actor Dave { get; private set; } = null!;

    public static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        S = await Scenario.StartAsync(new Dictionary<string, string?> { ["Site:TimeZone"] = "Europe/Berlin" },
            services => services.AddSingleton<TimeProvider>(Clock));
        Root = await S.RootAsync();
        Queues["General"] = await S.GeneralQueueIdAsync();
        Queues["Outages"] = await S.QueueAsync("Outages", await IncidentLifecycleAsync());
        Queues["Customers"] = await S.QueueAsync("Customers");

        Alice = await S.UserAsync("alice", email: "alice@noc.example");
        Bob = await S.UserAsync("bob", email: "bob@noc.example");
        Carol = await S.UserAsync("carol", privileged: false, email: "carol@customer.example");
        Dave = await S.UserAsync("dave");
        await S.GrantAllAsync(Alice, Queues["General"], Right.ShowTicket, Right.ShowTicketComments, Right.SeeCustomField);
        await S.GrantAllAsync(Alice, Queues["Outages"], Right.ShowTicket);
        await S.GrantAllAsync(Alice, null, Right.OwnTicket);
        await S.GrantAllAsync(Bob, Queues["Outages"], Right.ShowTicket);
        await S.GrantAllAsync(Bob, null, Right.OwnTicket);
        await S.GrantAllAsync(Dave, Queues["General"], Right.ShowTicket);

        var device = await S.CustomFieldAsync("Device", CustomFieldType.Text);
        var capacity = await S.CustomFieldAsync("Circuit Capacity", CustomFieldType.Number);
        var impact = await S.CustomFieldAsync("Impact", CustomFieldType.SelectOne, values: ["Low", "High"]);
        var window = await S.CustomFieldAsync("Window Start", CustomFieldType.Date);

        await TicketAsync("T1", At(11, 10, 9, 0), new NewTicket
        {
            QueueId = Queues["General"], Subject = "BGP session flapping at FRA-1", Priority = 50, OwnerId = Alice.Id,
            Requestors = [WatcherRef.Address("carol@customer.example")], Cc = [WatcherRef.Address("noc@peer.example")],
            Content = new TicketMessage("BGP session to AS64500 resets every 5 minutes."),
            CustomFields = Values((device, "edge-fra-1"), (capacity, "120")),
        });
        await ChangeAsync(Root, "T1", At(11, 10, 10, 0), new Comment(new TicketMessage("Suspect the transceiver on port xe-0/0/1.") { TimeTaken = 15 }));
        await ChangeAsync(Alice, "T1", At(11, 10, 11, 0), new Correspond(new TicketMessage("We are replacing the optics tonight.")));
        await TicketAsync("T7", At(11, 12, 9, 0), new NewTicket
        {
            QueueId = Queues["Customers"], Subject = "Escalation from a key account", Priority = 70, OwnerId = Root.Id,
            Requestors = [WatcherRef.Address("vip@bigcorp.example")], Content = new TicketMessage("Confidential escalation from the board."),
        });
        await TicketAsync("T2", At(11, 18, 8, 0), new NewTicket
        {
            QueueId = Queues["Outages"], Subject = "Fibre cut Hamburg", Status = "investigating", Priority = 90, OwnerId = Bob.Id,
            Requestors = [WatcherRef.Address("ops@carrier.example")], AdminCc = [WatcherRef.User(Alice.Id)], Due = At(11, 21, 12, 0),
            Content = new TicketMessage("An excavator damaged the trunk near Hamburg."),
            CustomFields = Values((device, "edge-ham-1"), (capacity, "10"), (impact, "High")),
        });
        await TicketAsync("T6", At(11, 18, 8, 30), new NewTicket
        {
            QueueId = Queues["Outages"], Subject = "Second report of the fibre cut", Priority = 20,
            Content = new TicketMessage("Second report, mentions the splice box."),
        });
        await ChangeAsync(Root, "T6", At(11, 18, 9, 0), new Merge(Ids["T2"]));
        await TicketAsync("T3", At(11, 19, 15, 0), new NewTicket
        {
            QueueId = Queues["General"], Subject = "Customer cannot reach portal", Priority = 10,
            Requestors = [WatcherRef.Address("carol@customer.example")], Content = new TicketMessage("The portal login page times out for our users."),
        });
        await ChangeAsync(Root, "T3", At(11, 19, 16, 0), new SetStatus("stalled"));
        await TicketAsync("T4", At(11, 20, 7, 0), new NewTicket
        {
            QueueId = Queues["General"], Subject = "Planned maintenance core router", Priority = 30, OwnerId = Alice.Id, Starts = At(11, 25, 1, 0),
            Content = new TicketMessage("Software upgrade of core-ber-1 during the maintenance window.")
            {
                Attachments = [new NewAttachment("config.txt", "text/plain", Encoding.UTF8.GetBytes("secretword in a file"))],
            },
            CustomFields = Values((device, "core-ber-1"), (capacity, "1000"), (window, "2026-11-25T01:00:00Z")),
        });
        await ChangeAsync(Root, "T4", At(11, 20, 8, 0), new SetStatus("resolved"));
        await TicketAsync("T5", At(11, 20, 9, 30), new NewTicket
        {
            QueueId = Queues["Outages"], Subject = "Monitoring alert DNS latency", Priority = 50, TimeWorked = 45,
            Content = new TicketMessage("DNS resolver latency above 200 ms."), CustomFields = Values((impact, "Low")),
        });
        await ChangeAsync(Root, "T5", At(11, 20, 9, 45), new SetStatus("stalled"));

        await S.InScopeAsync(async sp =>
        {
            var bookmarks = sp.GetRequiredService<Bookmarks>();
            await bookmarks.SetAsync(Ids["T1"], Alice, true);
            await bookmarks.SetAsync(Ids["T2"], Alice, true);
        });
        Clock.SetUtcNow(Now);
    }

    public async Task DisposeAsync() => await S.DisposeAsync();

    /// <summary>The names of the tickets the query finds for the actor (root by default), in order.</summary>
    public async Task<string[]> FindAsync(string query, Actor? actor = null)
    {
        var result = await SearchAsync(query, actor ?? Root, pageSize: TicketSearch.MaxPageSize);
        return result.Tickets.Select(t => names[t.Id]).Order().ToArray();
    }

    public Task<SearchResult> SearchAsync(string query, Actor actor, string? orderBy = null, int page = 1, int pageSize = 50) =>
        S.InScopeAsync(sp => sp.GetRequiredService<TicketSearch>().SearchAsync(query, actor, orderBy, page, pageSize));

    public string NameOf(int id) => names[id];

    private async Task TicketAsync(string name, DateTimeOffset at, NewTicket ticket)
    {
        Clock.SetUtcNow(at);
        var id = (await S.CreateAsync(Root, ticket)).EnsureSucceeded().Id;
        Ids[name] = id;
        names[id] = name;
    }

    private async Task ChangeAsync(Actor actor, string name, DateTimeOffset at, TicketChange change)
    {
        Clock.SetUtcNow(at);
        (await S.ApplyAsync(actor, Ids[name], change)).EnsureSucceeded();
    }

    private static Dictionary<int, IReadOnlyList<string>> Values(params (int Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => (IReadOnlyList<string>)[v.Value]);

    /// <summary>An outage lifecycle where "stalled" is done (inactive), unlike in RT's default one.</summary>
    private Task<int> IncidentLifecycleAsync() => S.DbAsync(async db =>
    {
        var lifecycle = new Lifecycle
        {
            Name = "incident", DefaultOnCreate = "reported", OnStaffCorrespond = "investigating", OnMerge = "closed",
            Statuses =
            [
                new() { Name = "reported", Group = StatusGroup.Initial },
                new() { Name = "investigating", Group = StatusGroup.Active },
                new() { Name = "stalled", Group = StatusGroup.Inactive },
                new() { Name = "closed", Group = StatusGroup.Inactive },
            ],
        };
        foreach (var from in lifecycle.Statuses)
        foreach (var to in lifecycle.Statuses.Where(s => s != from))
            lifecycle.Transitions.Add(new LifecycleTransition { From = from.Name, To = to.Name, Right = Right.ModifyTicket });
        db.Lifecycles.Add(lifecycle);
        await db.SaveChangesAsync();
        return lifecycle.Id;
    });
}
