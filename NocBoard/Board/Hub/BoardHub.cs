using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Queues;

namespace NocBoard.Board.Hub;

/// <summary>
/// The stream of committed ticket changes for clients that are not Blazor pages (another display,
/// a script with the .NET SignalR client), at <see cref="Path"/>. For staff and wall displays,
/// signed in with the site's cookie (a display's token sets it); a display sees only its token's queues. A client watches queues and receives <c>TicketChanged</c>
/// (<see cref="TicketChangedMessage"/>) for every change to a ticket in them, and <c>TicketLeft</c>
/// (<see cref="TicketLeftMessage"/>) when a ticket moves to a queue it may not see.
/// <para>
/// Rights: a queue can be watched only by someone who may see the queue (SeeQueue) and every
/// ticket in it (ShowTicket on the queue or globally, to them, a group of theirs, or
/// Everyone/Privileged). ShowTicket that holds only through a ticket role (Requestor, Cc, AdminCc,
/// Owner) would need a check per ticket per client; such a watch is refused rather than filtered.
/// Rights are checked when the watch starts; a changed grant applies from the next connection.
/// </para>
/// </summary>
[Authorize(Policy = WallScreenPolicy.Name)]
public sealed class BoardHub(ActorLookup actors, QueueDirectory queues, RightsService rights, BoardHubRelay relay)
    : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/board";

    /// <summary>Starts receiving the changes of one queue's tickets.</summary>
    public async Task WatchQueue(int queueId)
    {
        var (actor, subject) = await SignedInAsync();
        var queue = (await queues.VisibleAsync(actor, Context.ConnectionAborted)).FirstOrDefault(q => q.Id == queueId)
                    ?? throw new HubException($"There is no queue #{queueId} that you may see (watching a queue needs the SeeQueue right on it).");
        if (!subject.Has(Right.ShowTicket, queue.Id))
            throw new HubException(
                $"You may not watch queue '{queue.Name}': it needs the ShowTicket right on the whole queue. " +
                "Tickets you may see only as their requestor, Cc, AdminCc or owner are not streamed.");
        await relay.WatchAsync(Context.ConnectionId, subject, queue.Id, Context.Abort, Context.ConnectionAborted);
    }

    /// <summary>Stops receiving one queue's changes. Not watching it is no error.</summary>
    public Task UnwatchQueue(int queueId) => relay.UnwatchAsync(Context.ConnectionId, queueId, Context.ConnectionAborted);

    /// <summary>Watches every queue the caller may watch (see the rights above); returns their ids.</summary>
    public async Task<IReadOnlyList<int>> WatchAll()
    {
        var (actor, subject) = await SignedInAsync();
        var watched = (await queues.VisibleAsync(actor, Context.ConnectionAborted))
            .Where(q => subject.Has(Right.ShowTicket, q.Id)).Select(q => q.Id).ToList();
        foreach (var queueId in watched)
            await relay.WatchAsync(Context.ConnectionId, subject, queueId, Context.Abort, Context.ConnectionAborted);
        return watched;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<(Actor Actor, RightsSubject Subject)> SignedInAsync()
    {
        // The cookie was checked at connect; the account may have been disabled since.
        var actor = await actors.ForPrincipalAsync(Context.User ?? new(), Context.ConnectionAborted)
                    ?? throw new HubException("You are not signed in, or your account is disabled.");
        return (actor, await rights.SubjectAsync(actor.Id, Context.ConnectionAborted));
    }
}
