using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts.Rights;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Admin.Queues;
using NocBoard.Board;
using NocBoard.Board.Hub;
using NocBoard.Queues;
using NocBoard.Tests.Board.Hub;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Bookmarks;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.WallDisplays;

public class WallDisplayTests
{
    private static async Task<(int Outages, int Security, int Seen, int Hidden)> TwoQueuesAsync(Scenario s)
    {
        var outages = await s.QueueAsync("Outages");
        var security = await s.QueueAsync("Security");
        // Broad grants must not reach a display: it holds only what its token names.
        await s.GrantAsync(Right.SeeQueue, role: RoleName.Everyone);
        await s.GrantAsync(Right.ShowTicket, role: RoleName.Everyone);
        await s.GrantAsync(Right.ModifyTicket, role: RoleName.Everyone);
        return (outages, security, await s.TicketAsync("Link down at POP-1", queueId: outages), await s.TicketAsync("Intrusion alert", queueId: security));
    }

    [Fact]
    public async Task A_Display_Sees_Only_The_Tickets_And_Queues_Of_Its_Token()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, _, seen, hidden) = await TwoQueuesAsync(s);
        var display = await s.WallDisplayAsync("Ops room", outages);
        var wall = await s.WallActorAsync(display);

        await s.InScopeAsync(async sp =>
        {
            var reader = sp.GetRequiredService<TicketReader>();
            Assert.Equal([seen], await (await reader.QueryAsync(wall)).Select(t => t.Id).ToListAsync());
            Assert.NotNull(await reader.GetAsync(seen, wall));
            Assert.Null(await reader.GetAsync(hidden, wall));
            Assert.Equal([outages], (await sp.GetRequiredService<QueueDirectory>().VisibleAsync(wall)).Select(q => q.Id));
            var board = await sp.GetRequiredService<BoardService>().LoadAsync(BoardService.Default, wall);
            Assert.Equal([seen], board.Cards.Select(c => c.Id));
            var subject = await sp.GetRequiredService<RightsService>().SubjectAsync(wall.Id);
            Assert.False(subject.Has(Right.ModifyTicket, outages));
            Assert.False(subject.Has(Right.ShowTicketComments, outages));
        });
    }

    [Fact]
    public async Task A_Display_Can_Change_Nothing_Though_Everyone_May()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, _, seen, _) = await TwoQueuesAsync(s);
        var wall = await s.WallActorAsync(await s.WallDisplayAsync("Ops room", outages));
        var before = await s.FootprintAsync();

        var move = await s.ApplyAsync(wall, seen, new SetStatus("open"));
        Assert.Equal(TicketErrorKind.Forbidden, move.Error?.Kind);
        Assert.Contains("wall display", move.Error!.Message);
        var create = await s.CreateAsync(wall, new NewTicket { QueueId = outages, Subject = "From the wall" });
        Assert.Equal(TicketErrorKind.Forbidden, create.Error?.Kind);
        Assert.Equal(before, await s.FootprintAsync());

        await s.InScopeAsync(async sp =>
        {
            var queue = await sp.GetRequiredService<QueueAdmin>().CreateAsync(wall, new QueueForm { Name = "Wall's queue" });
            Assert.Equal(NocBoard.Admin.AdminErrorKind.Forbidden, queue.Error?.Kind);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                sp.GetRequiredService<BoardDirectory>().SaveAsync(new BoardDefinition { Name = "Mine" }, shared: false, wall));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sp.GetRequiredService<Bookmarks>().SetAsync(seen, wall, true));
        });
        Assert.Equal(0, await s.DbAsync(db => db.Boards.CountAsync()));
        Assert.Equal(0, await s.DbAsync(db => db.Bookmarks.CountAsync()));
    }

    [Fact]
    public async Task A_Token_Signs_In_To_The_Wall_And_Nowhere_Else()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, _, _, _) = await TwoQueuesAsync(s);
        var display = await s.WallDisplayAsync("Ops room", outages);
        using var web = WebSession.For(s.App);

        await web.SignInAsync(display);

        var wall = await web.GetPageAsync("wall");
        Assert.Contains("Link down at POP-1", wall);
        Assert.DoesNotContain("Intrusion alert", wall);
        foreach (var page in new[] { "", "board", "search", "self", "preferences", "admin", "ticket/1", "Account/Manage" })
        {
            var response = await web.GetAsync(page);
            Assert.True(response.StatusCode != HttpStatusCode.OK, $"a wall display opened /{page}");
        }
    }

    [Fact]
    public async Task A_Token_On_A_Wall_Address_Signs_In_And_Lands_On_That_Address_Without_The_Secret()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, _, _, _) = await TwoQueuesAsync(s);
        var display = await s.WallDisplayAsync("Ops room", outages);
        using var web = WebSession.For(s.App);

        var first = await web.GetAsync($"wall?rotate=0&every=30&token={display.Secret}");
        var login = web.RedirectTarget(first);
        Assert.StartsWith("/wall/login?token=", login);
        var landed = web.RedirectTarget(await web.GetAsync(login));

        Assert.Equal("/wall?rotate=0&every=30", landed);
        Assert.Contains("Link down at POP-1", await web.GetPageAsync(landed));
    }

    [Fact]
    public async Task A_Revoked_Or_Expired_Token_Is_Refused_And_Its_Cookie_Stops_Working()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, _, _, _) = await TwoQueuesAsync(s);
        var display = await s.WallDisplayAsync("Ops room", outages);
        var expired = await s.WallDisplayAsync("Old screen", outages);
        await s.DbAsync(db => db.Set<WallToken>().Where(t => t.Id == expired.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Expires, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var web = WebSession.For(s.App);
        await web.SignInAsync(display);
        await web.GetPageAsync("wall");

        await s.RevokeAsync(display);

        var again = await web.GetAsync("wall");
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain("Link down at POP-1", await again.Content.ReadAsStringAsync());
        foreach (var secret in new[] { display.Secret, expired.Secret, "nbw_not-a-token" })
        {
            using var fresh = WebSession.For(s.App);
            var refused = await fresh.GetAsync($"wall/login?token={secret}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("unknown, revoked or expired", await refused.Content.ReadAsStringAsync());
            Assert.False(fresh.HasAuthCookie);
        }
        var userId = await s.DbAsync(db => db.Set<WallToken>().Where(t => t.Id == display.Id).Select(t => t.UserId).SingleAsync());
        var wall = await s.InScopeAsync(sp => sp.GetRequiredService<RightsService>().SubjectAsync(userId));
        Assert.False(wall.Has(Right.ShowTicket, outages));
    }

    [Fact]
    public async Task The_Hub_Streams_A_Display_Only_Its_Queues_And_Closes_When_It_Is_Revoked()
    {
        await using var s = await Scenario.StartAsync();
        var (outages, security, seen, _) = await TwoQueuesAsync(s);
        var display = await s.WallDisplayAsync("Ops room", outages);
        using var web = WebSession.For(s.App);
        await web.SignInAsync(display);
        var cookie = web.Cookies.GetCookies(web.BaseAddress)[WebSession.AuthCookieName]!;
        await using var connection = HubWatcher.Build(s, $"{cookie.Name}={cookie.Value}");
        var received = new List<TicketChangedMessage>();
        var closed = new TaskCompletionSource();
        connection.On<TicketChangedMessage>(BoardHubRelay.TicketChanged, m => { lock (received) received.Add(m); });
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();

        Assert.Equal([outages], await connection.InvokeAsync<IReadOnlyList<int>>(nameof(BoardHub.WatchAll)));
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync(nameof(BoardHub.WatchQueue), security));
        Assert.Contains("SeeQueue", refused.Message);
        (await s.ApplyAsync(await s.RootAsync(), seen, new SetStatus("open"))).EnsureSucceeded();
        await WaitUntilAsync(() => { lock (received) return received.Any(m => m.TicketId == seen && m.Status == "open"); }, "the change to reach the display");

        await s.RevokeAsync(display);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (condition()) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
    }
}
