using System.Threading.Channels;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets;

/// <summary>
/// The write path for callers that arrive many at once and each wait for their own answer (an
/// alert storm on the monitoring webhook). Their writes queue here; whoever is next through the
/// write gate takes every write that queued meanwhile and commits them in one database transaction
/// (<see cref="TicketService"/>), so a storm costs one commit and one disk flush per group instead
/// of per alert. Each write is still checked, recorded and answered on its own, and announced only
/// once on disk. The writes run in a scope of the queue's own, so a write that needs state of its
/// caller's scope (a mail receipt written with it) must use <see cref="TicketService"/> directly.
/// </summary>
public sealed class TicketWriteQueue(IServiceScopeFactory scopes, WriteGate gate, TicketAnnouncer announcer, ILogger<TicketWriteQueue> logger)
    : BackgroundService
{
    /// <summary>Enough to carry a storm; small enough that one group's transaction stays short.</summary>
    private const int MaxTogether = 64;

    private readonly Channel<Waiting> waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Waiting(TicketWrite Write, TaskCompletionSource<TicketChangeResult> Answer);

    private long groups;

    /// <summary>How many groups were written: fewer than the writes, when they came together.</summary>
    public long Groups => Interlocked.Read(ref groups);

    /// <summary>As <see cref="TicketService.CreateAsync(NewTicket, IReadOnlyList{TicketChange}, Actor, CancellationToken)"/>.</summary>
    public Task<TicketChangeResult> CreateAsync(NewTicket ticket, IReadOnlyList<TicketChange> then, Actor actor, CancellationToken ct = default) =>
        EnqueueAsync(TicketWrite.Create(ticket, then, actor), ct);

    /// <summary>As <see cref="TicketService.ApplyAsync(int, IReadOnlyList{TicketChange}, Actor, int?, CancellationToken)"/>.</summary>
    public Task<TicketChangeResult> ApplyAsync(int ticketId, IReadOnlyList<TicketChange> changes, Actor actor,
        int? expectedVersion = null, CancellationToken ct = default) =>
        EnqueueAsync(TicketWrite.Apply(ticketId, changes, actor, expectedVersion), ct);

    private Task<TicketChangeResult> EnqueueAsync(TicketWrite write, CancellationToken ct)
    {
        var answer = new TaskCompletionSource<TicketChangeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.Writer.TryWrite(new Waiting(write, answer)))
            throw new OperationCanceledException("NocBoard is stopping; the change was not made.");
        // A caller that stops waiting does not take its write back: once queued it is made.
        return answer.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        List<Waiting> carried = [];
        try
        {
            while (carried.Count > 0 || await waiting.Reader.WaitToReadAsync(stopping))
            {
                // Writers that arrive while this waits for the gate join the group.
                var lease = await gate.EnterAsync(stopping);
                var (group, next) = TakeGroup(carried);
                carried = next;
                Interlocked.Increment(ref groups);
                IReadOnlyList<TicketWriteOutcome>? outcomes = null;
                Exception? failure = null;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    outcomes = await scope.ServiceProvider.GetRequiredService<TicketService>()
                        .WriteTogetherAsync([.. group.Select(w => w.Write)], stopping);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                // Leaving the gate happens at once; the answers wait for the disk, while the next group is written.
                _ = AnswerAsync(lease, group, outcomes, failure);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            waiting.Writer.TryComplete();
            foreach (var left in carried.Concat(waiting.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable()))
                left.Answer.TrySetException(new OperationCanceledException("NocBoard is stopping; the change was not made."));
        }
    }

    /// <summary>
    /// The writes waiting now, at most one per ticket: a second write to a ticket waits for the next
    /// group, so that each answer and each published change shows its own version of the ticket.
    /// </summary>
    private (List<Waiting> Group, List<Waiting> Next) TakeGroup(List<Waiting> carried)
    {
        List<Waiting> group = [], next = [];
        HashSet<int> tickets = [];
        foreach (var write in carried) Add(write);
        while (group.Count < MaxTogether && waiting.Reader.TryRead(out var write)) Add(write);
        return (group, next);

        void Add(Waiting write)
        {
            if (group.Count >= MaxTogether || write.Write.TicketId is { } id && !tickets.Add(id)) next.Add(write);
            else group.Add(write);
        }
    }

    private async Task AnswerAsync(WriteGate.Lease lease, List<Waiting> group, IReadOnlyList<TicketWriteOutcome>? outcomes, Exception? failure)
    {
        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception e)
        {
            // Not known to be on disk: nobody is told it was made.
            logger.LogError(e, "A group of {Count} ticket writes could not be made durable", group.Count);
            failure ??= e;
        }
        for (var i = 0; i < group.Count; i++)
        {
            var outcome = outcomes?[i];
            if (failure is not null || outcome is null) group[i].Answer.TrySetException(failure ?? new InvalidOperationException("The write was not made."));
            else if (outcome.Failure is { } failed) group[i].Answer.TrySetException(failed);
            else
            {
                announcer.Announce(outcome);
                group[i].Answer.TrySetResult(outcome.Result);
            }
        }
    }
}
