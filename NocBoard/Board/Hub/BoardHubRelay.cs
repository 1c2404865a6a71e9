using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using NocBoard.Accounts.Rights;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Tickets;

namespace NocBoard.Board.Hub;

/// <summary>
/// Carries <see cref="TicketFeed"/> to <see cref="BoardHub"/> clients: subscribes once and sends each
/// committed change to the SignalR group of the ticket's queue (<c>queue:{id}</c>). When the ticket
/// moved, watchers of the queue it left hear of it too: the whole change if they may see the
/// ticket where it went, otherwise only <c>TicketLeft</c>. Who may join a group is decided by the hub
/// when the watch starts; the relay keeps those decisions (and the watcher's rights) in memory, so no
/// message costs a database query.
/// <para>
/// Wall displays are cut off when their token is revoked: at once on this instance (the
/// <see cref="WallDisplaySignal"/>), and by a sweep every <see cref="WallSweepInterval"/> that asks
/// the database, in one query, which of the connected displays' tokens still work (revoked on
/// another instance, or expired). A cut-off connection is closed, so it gets nothing more.
/// </para>
/// </summary>
public sealed class BoardHubRelay(
    TicketFeed feed, IHubContext<BoardHub> hub, WallDisplaySignal walls, IServiceScopeFactory scopes, ILogger<BoardHubRelay> logger)
    : IHostedService
{
    public static readonly TimeSpan WallSweepInterval = TimeSpan.FromSeconds(30);

    public const string TicketChanged = nameof(TicketChanged);
    public const string TicketLeft = nameof(TicketLeft);

    private readonly ConcurrentDictionary<string, Watcher> watchers = new();
    private IDisposable? subscription;
    private readonly CancellationTokenSource stopping = new();

    public static string GroupName(int queueId) => $"queue:{queueId}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = feed.Subscribe(ForwardAsync);
        walls.Revoked += CutOff;
        _ = SweepWallDisplaysAsync(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        walls.Revoked -= CutOff;
        subscription?.Dispose();
        await stopping.CancelAsync();
    }

    /// <summary>Closes every connection of a wall display (its token was revoked).</summary>
    public void CutOff(int userId)
    {
        foreach (var (connectionId, watcher) in watchers)
        {
            if (watcher.Subject.UserId != userId) continue;
            watchers.TryRemove(connectionId, out _);
            watcher.Abort();
            logger.LogInformation("Closed hub connection {Connection} of wall display user {User}: its token no longer works", connectionId, userId);
        }
    }

    private async Task SweepWallDisplaysAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(WallSweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var displays = watchers.Values.Where(w => w.Subject.WallDisplay).Select(w => w.Subject.UserId).Distinct().ToList();
                if (displays.Count == 0) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var valid = await scope.ServiceProvider.GetRequiredService<WallTokens>().StillValidAsync(displays, ct);
                    foreach (var userId in displays.Where(u => !valid.Contains(u))) CutOff(userId);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not check the wall displays' tokens; trying again in {Interval}", WallSweepInterval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Adds the connection to the queue's group; the caller has checked the rights.</summary>
    public async Task WatchAsync(string connectionId, RightsSubject subject, int queueId, Action abort, CancellationToken ct = default)
    {
        var watcher = watchers.AddOrUpdate(connectionId, _ => new Watcher(subject, abort), (_, w) => w.With(subject));
        watcher.Add(queueId);
        await hub.Groups.AddToGroupAsync(connectionId, GroupName(queueId), ct);
    }

    public async Task UnwatchAsync(string connectionId, int queueId, CancellationToken ct = default)
    {
        if (watchers.TryGetValue(connectionId, out var watcher)) watcher.Remove(queueId);
        await hub.Groups.RemoveFromGroupAsync(connectionId, GroupName(queueId), ct);
    }

    /// <summary>Drops a closed connection (SignalR removes it from its groups itself).</summary>
    public void Forget(string connectionId) => watchers.TryRemove(connectionId, out _);

    private async Task ForwardAsync(TicketCommitted change)
    {
        var message = TicketChangedMessage.From(change);
        await hub.Clients.Group(GroupName(change.QueueId)).SendAsync(TicketChanged, message);

        if (change.PreviousQueueId is not { } previous || previous == change.QueueId) return;
        // Watchers of the new queue already have it from the group above.
        List<string> mayFollow = [], onlyLeft = [];
        foreach (var (connectionId, watcher) in watchers)
        {
            if (!watcher.Watches(previous) || watcher.Watches(change.QueueId)) continue;
            (watcher.Subject.Has(Right.ShowTicket, change.QueueId) ? mayFollow : onlyLeft).Add(connectionId);
        }
        if (mayFollow.Count > 0)
            await hub.Clients.Clients(mayFollow).SendAsync(TicketChanged, message);
        if (onlyLeft.Count > 0)
            await hub.Clients.Clients(onlyLeft).SendAsync(TicketLeft, new TicketLeftMessage(change.TicketId, previous, change.Version));
        logger.LogDebug("Ticket #{Ticket} moved from queue {From} to {To}; told {Follow}+{Left} watchers of the old queue",
            change.TicketId, previous, change.QueueId, mayFollow.Count, onlyLeft.Count);
    }

    private sealed class Watcher(RightsSubject subject, Action abort)
    {
        public void Abort() => abort();

        private readonly Lock sync = new();
        private readonly HashSet<int> queues = [];

        public RightsSubject Subject { get; private set; } = subject;

        /// <summary>The latest rights win: they were read when the latest watch started.</summary>
        public Watcher With(RightsSubject latest)
        {
            Subject = latest;
            return this;
        }

        public void Add(int queueId) { lock (sync) queues.Add(queueId); }
        public void Remove(int queueId) { lock (sync) queues.Remove(queueId); }
        public bool Watches(int queueId) { lock (sync) return queues.Contains(queueId); }
    }
}
