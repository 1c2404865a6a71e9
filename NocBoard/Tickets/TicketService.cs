using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Outbox;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets;

/// <summary>
/// The single write path. Every change to a ticket, from every way in (web, board, mail, alerts,
/// APIs, the rt CLI, scheduled jobs), comes through here: rights are checked and input validated by
/// the change, the ticket, its transactions and its outbox rows are written in one database
/// transaction, and only after commit is the change published to the <see cref="TicketFeed"/>.
/// A refused change writes nothing. Writers that arrive together may be committed together
/// (<see cref="TicketWriteQueue"/>); each is still checked, recorded and answered on its own.
/// </summary>
public sealed class TicketService(
    NocDbContext db,
    RightsService rights,
    TimeProvider clock,
    IOptions<TicketOptions> options,
    WriteGate gate,
    TicketAnnouncer announcer,
    IEnumerable<IOutboxContributor> contributors,
    IEnumerable<ITicketWritePreloader> preloaders,
    ILogger<TicketService> logger)
{
    private const int MaxConcurrencyRetries = 3;

    /// <summary>Tickets and queues read ahead for a group of writes (<see cref="WriteTogetherAsync"/>).</summary>
    private Dictionary<int, Ticket>? preloadedTickets;
    private Dictionary<int, Queues.Queue>? preloadedQueues;

    /// <summary>Creates a ticket.</summary>
    public Task<TicketChangeResult> CreateAsync(NewTicket ticket, Actor actor, CancellationToken ct = default) =>
        CreateAsync(ticket, [], actor, ct);

    /// <summary>
    /// Creates a ticket and applies further changes to it in the same commit (a link to an earlier
    /// ticket, bookkeeping of the feature that made it), so that either all of it exists or none.
    /// </summary>
    public Task<TicketChangeResult> CreateAsync(NewTicket ticket, IReadOnlyList<TicketChange> then, Actor actor, CancellationToken ct = default) =>
        RunAsync(TicketWrite.Create(ticket, then, actor), ct);

    /// <summary>Applies one change to ticket <paramref name="ticketId"/> (following merges).</summary>
    public Task<TicketChangeResult> ApplyAsync(int ticketId, TicketChange change, Actor actor,
        int? expectedVersion = null, CancellationToken ct = default) =>
        ApplyAsync(ticketId, [change], actor, expectedVersion, ct);

    /// <summary>
    /// Applies several changes to one ticket atomically: all are committed, or none (e.g. a form
    /// that sets status and owner and adds a reply at once).
    /// </summary>
    /// <param name="expectedVersion">The <see cref="Ticket.Version"/> the caller's view was based on;
    /// when given and the ticket has moved on since, the change is refused as a conflict instead of
    /// overwriting what someone else did.</param>
    public Task<TicketChangeResult> ApplyAsync(int ticketId, IReadOnlyList<TicketChange> changes, Actor actor,
        int? expectedVersion = null, CancellationToken ct = default) =>
        RunAsync(TicketWrite.Apply(ticketId, changes, actor, expectedVersion), ct);

    private async Task<TicketChangeResult> RunAsync(TicketWrite write, CancellationToken ct)
    {
        TicketWriteOutcome outcome;
        // Leaving the gate waits until the commit is on disk: only then is it published or answered.
        await using (await gate.EnterAsync(ct))
            outcome = await WriteAloneAsync(write, ct);
        announcer.Announce(outcome);
        return outcome.Result;
    }

    /// <summary>
    /// Commits one write in a database transaction of its own; the caller holds the write gate.
    /// A write that raced another writer of its ticket is evaluated again, unless it pinned a version.
    /// </summary>
    internal async Task<TicketWriteOutcome> WriteAloneAsync(TicketWrite write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(write, ct);
            }
            catch (DbUpdateConcurrencyException) when (write.ExpectedVersion is null && attempt < MaxConcurrencyRetries)
            {
                // Someone else wrote the ticket between our read and our write. The caller did not
                // pin a version, so the change is re-evaluated against the new state.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return TicketWriteOutcome.Refused(new TicketError(TicketErrorKind.Conflict,
                    "The ticket was changed by someone else while this change was being saved. Reload it and try again."));
            }
        }
    }

    private async Task<TicketWriteOutcome> WriteOnceAsync(TicketWrite write, CancellationToken ct)
    {
        if (await RefusalForWallDisplayAsync(write.Actor, ct) is { } refused)
            return refused;
        var ctx = NewContext(write.Actor);
        await using var dbTransaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await RunWorkAsync(write, ctx, ct);
            await db.SaveChangesAsync(ct);
            // Transactions have ids now, so side effects can name them.
            var queuedSideEffects = await ContributeAsync(ctx, ct);
            if (queuedSideEffects)
                await db.SaveChangesAsync(ct);
            await dbTransaction.CommitAsync(ct);
            var outcome = Committed(ctx, queuedSideEffects);
            db.ChangeTracker.Clear();
            return outcome;
        }
        catch (TicketRefusedException e)
        {
            await dbTransaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            logger.LogInformation("Refused a change by {Actor}: {Reason}", write.Actor.Name, e.Message);
            return TicketWriteOutcome.Refused(e.Error);
        }
        catch
        {
            await dbTransaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// Commits writes to different tickets in one database transaction; the caller holds the write
    /// gate. Each is checked and recorded exactly as if alone. If any of them is refused or fails,
    /// the whole transaction is rolled back and each write is then made alone, so one writer's
    /// refusal never spoils another's change and the outcomes are those of writing one by one.
    /// </summary>
    internal async Task<IReadOnlyList<TicketWriteOutcome>> WriteTogetherAsync(IReadOnlyList<TicketWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 1)
            return [await WriteAloneAsync(writes[0], ct)];
        var together = await TryWriteTogetherAsync(writes, ct);
        if (together is not null) return together;

        var outcomes = new List<TicketWriteOutcome>(writes.Count);
        foreach (var write in writes)
        {
            // Each answer is its own: a write made before a failure (or a stop) is still reported as made.
            try { outcomes.Add(await WriteAloneAsync(write, ct)); }
            catch (Exception e) { outcomes.Add(TicketWriteOutcome.Failed(e)); }
        }
        return outcomes;
    }

    private async Task<IReadOnlyList<TicketWriteOutcome>?> TryWriteTogetherAsync(IReadOnlyList<TicketWrite> writes, CancellationToken ct)
    {
        foreach (var write in writes)
            if (await RefusalForWallDisplayAsync(write.Actor, ct) is not null) return null;
        var contexts = new List<TicketChangeContext>(writes.Count);
        await using var dbTransaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await PreloadAsync(writes, ct);
            foreach (var write in writes)
            {
                var ctx = NewContext(write.Actor);
                await RunWorkAsync(write, ctx, ct);
                contexts.Add(ctx);
            }
            // Each answer and each published change must show its own version of a ticket.
            var touched = new HashSet<Ticket>(ReferenceEqualityComparer.Instance);
            if (contexts.SelectMany(c => c.Touched).Any(t => !touched.Add(t)))
                throw new InvalidOperationException("Two writes of the group touched the same ticket.");
            await db.SaveChangesAsync(ct);
            var queued = new bool[contexts.Count];
            for (var i = 0; i < contexts.Count; i++)
                queued[i] = await ContributeAsync(contexts[i], ct);
            if (queued.Any(q => q))
                await db.SaveChangesAsync(ct);
            await dbTransaction.CommitAsync(ct);
            var outcomes = contexts.Select((ctx, i) => Committed(ctx, queued[i])).ToList();
            db.ChangeTracker.Clear();
            return outcomes;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await dbTransaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            logger.LogDebug("{Count} writes could not be committed together ({Reason}); writing each alone", writes.Count, e.Message);
            return null;
        }
        finally
        {
            preloadedTickets = null;
            preloadedQueues = null;
        }
    }

    /// <summary>
    /// One query for the tickets of a group of writes and one for their queues, instead of two per
    /// write; then whatever the features' preloaders read ahead for their changes.
    /// </summary>
    private async Task PreloadAsync(IReadOnlyList<TicketWrite> writes, CancellationToken ct)
    {
        foreach (var preloader in preloaders)
            await preloader.PreloadAsync(db, writes, ct);
        var ids = writes.Where(w => w.TicketId is not null).Select(w => w.TicketId!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        preloadedTickets = await TicketLoading.WithDetails(db).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var queueIds = preloadedTickets.Values.Select(t => t.QueueId).Distinct().ToList();
        preloadedQueues = await db.Queues.Include(q => q.Lifecycle).Where(q => queueIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
    }

    private TicketChangeContext NewContext(Actor actor) => new(db, rights, actor, clock.GetUtcNow(), options.Value);

    private async Task<TicketWriteOutcome?> RefusalForWallDisplayAsync(Actor actor, CancellationToken ct) =>
        (await rights.SubjectAsync(actor.Id, ct)).WallDisplay
            ? TicketWriteOutcome.Refused(new TicketError(TicketErrorKind.Forbidden, "A wall display only shows tickets; it may not change them."))
            : null;

    /// <summary>The write's own work, then the version and update stamp of every ticket it touched.</summary>
    private async Task RunWorkAsync(TicketWrite write, TicketChangeContext ctx, CancellationToken ct)
    {
        if (write.NewTicket is { } created)
        {
            await created.CreateAsync(ctx, ct);
        }
        else
        {
            var ticketId = write.TicketId!.Value;
            var ticket = preloadedTickets?.GetValueOrDefault(ticketId) is { IsMerged: false } ahead
                ? ahead
                : await TicketLoading.LoadEffectiveAsync(db, ticketId, ct);
            if (ticket is null || !await rights.HasOnTicketAsync(write.Actor.Id, Right.ShowTicket, ticket, ct))
                throw TicketChangeContext.Refuse(TicketErrorKind.NotFound, $"There is no ticket #{ticketId}.");
            if (write.ExpectedVersion is { } version && version != ticket.Version)
                throw TicketChangeContext.Refuse(TicketErrorKind.Conflict,
                    $"Ticket #{ticket.Id} was changed by someone else since you loaded it (your version {version}, now {ticket.Version}). Reload it and try again.");
            await ctx.UseTicketAsync(ticket, preloadedQueues?.GetValueOrDefault(ticket.QueueId), ct);
        }
        foreach (var change in write.Changes)
            await change.ExecuteAsync(ctx, ct);

        foreach (var ticket in ctx.Touched)
        {
            ticket.Version++;
            ticket.LastUpdated = ctx.Now;
            ticket.LastUpdatedById = ctx.Actor.Id;
        }
    }

    /// <summary>Lets every contributor queue its side effects; true when any did.</summary>
    private async Task<bool> ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        foreach (var contributor in contributors)
            await contributor.ContributeAsync(ctx, ct);
        return ctx.FlushOutbox() > 0;
    }

    private static TicketWriteOutcome Committed(TicketChangeContext ctx, bool queuedSideEffects) => new(
        TicketChangeResult.Ok(ctx.Ticket, ctx.Recorded),
        [.. ctx.Touched.Select(ticket => TicketCommitted.From(ticket, ctx.Recorded.Where(t => t.TicketId == ticket.Id)))],
        queuedSideEffects,
        null);
}
