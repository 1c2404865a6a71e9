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
/// A refused change writes nothing.
/// </summary>
public sealed class TicketService(
    NocDbContext db,
    RightsService rights,
    TimeProvider clock,
    IOptions<TicketOptions> options,
    WriteGate gate,
    TicketFeed feed,
    OutboxSignal outboxSignal,
    IEnumerable<IOutboxContributor> contributors,
    ILogger<TicketService> logger)
{
    private const int MaxConcurrencyRetries = 3;

    /// <summary>Creates a ticket.</summary>
    public Task<TicketChangeResult> CreateAsync(NewTicket ticket, Actor actor, CancellationToken ct = default) =>
        CreateAsync(ticket, [], actor, ct);

    /// <summary>
    /// Creates a ticket and applies further changes to it in the same commit (a link to an earlier
    /// ticket, bookkeeping of the feature that made it), so that either all of it exists or none.
    /// </summary>
    public Task<TicketChangeResult> CreateAsync(NewTicket ticket, IReadOnlyList<TicketChange> then, Actor actor, CancellationToken ct = default) =>
        RunAsync(actor, expectedVersion: null, ct, async ctx =>
        {
            await ticket.CreateAsync(ctx, ct);
            foreach (var change in then)
                await change.ExecuteAsync(ctx, ct);
        });

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
        RunAsync(actor, expectedVersion, ct, async ctx =>
        {
            var ticket = await TicketLoading.LoadEffectiveAsync(ctx.Db, ticketId, ct);
            if (ticket is null || !await rights.HasOnTicketAsync(actor.Id, Right.ShowTicket, ticket, ct))
                throw TicketChangeContext.Refuse(TicketErrorKind.NotFound, $"There is no ticket #{ticketId}.");
            if (expectedVersion is { } version && version != ticket.Version)
                throw TicketChangeContext.Refuse(TicketErrorKind.Conflict,
                    $"Ticket #{ticket.Id} was changed by someone else since you loaded it (your version {version}, now {ticket.Version}). Reload it and try again.");
            await ctx.UseTicketAsync(ticket, ct);
            foreach (var change in changes)
                await change.ExecuteAsync(ctx, ct);
        });

    private async Task<TicketChangeResult> RunAsync(Actor actor, int? expectedVersion, CancellationToken ct,
        Func<TicketChangeContext, Task> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(actor, ct, work);
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < MaxConcurrencyRetries)
            {
                // Someone else wrote the ticket between our read and our write. The caller did not
                // pin a version, so the change is re-evaluated against the new state.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return TicketChangeResult.Refused(new TicketError(TicketErrorKind.Conflict,
                    "The ticket was changed by someone else while this change was being saved. Reload it and try again."));
            }
        }
    }

    private async Task<TicketChangeResult> RunOnceAsync(Actor actor, CancellationToken ct, Func<TicketChangeContext, Task> work)
    {
        TicketChangeContext ctx;
        bool queuedSideEffects;
        // Leaving the gate waits until the commit is on disk: only then is it published or answered.
        await using (await gate.EnterAsync(ct))
        {
            if ((await rights.SubjectAsync(actor.Id, ct)).WallDisplay)
                return TicketChangeResult.Refused(new TicketError(TicketErrorKind.Forbidden, "A wall display only shows tickets; it may not change them."));
            ctx = new TicketChangeContext(db, rights, actor, clock.GetUtcNow(), options.Value);
            await using var dbTransaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await work(ctx);

                foreach (var ticket in ctx.Touched)
                {
                    ticket.Version++;
                    ticket.LastUpdated = ctx.Now;
                    ticket.LastUpdatedById = actor.Id;
                }
                await db.SaveChangesAsync(ct);

                // Transactions have ids now, so side effects can name them.
                foreach (var contributor in contributors)
                    await contributor.ContributeAsync(ctx, ct);
                queuedSideEffects = ctx.FlushOutbox() > 0;
                if (queuedSideEffects)
                    await db.SaveChangesAsync(ct);

                await dbTransaction.CommitAsync(ct);
            }
            catch (TicketRefusedException refused)
            {
                await dbTransaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogInformation("Refused a change by {Actor}: {Reason}", actor.Name, refused.Message);
                return TicketChangeResult.Refused(refused.Error);
            }
            catch
            {
                await dbTransaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        }

        if (queuedSideEffects) outboxSignal.Pulse();
        var committed = clock.GetUtcNow();
        foreach (var ticket in ctx.Touched)
            feed.Publish(TicketCommitted.From(ticket, ctx.Recorded.Where(t => t.TicketId == ticket.Id)) with { Committed = committed });
        db.ChangeTracker.Clear();
        return TicketChangeResult.Ok(ctx.Ticket, ctx.Recorded);
    }
}
