using NocBoard.Accounts.Rights;
using NocBoard.Queues;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// Moves a ticket along its lifecycle. Entering an inactive status sets Resolved, leaving one clears
/// it. A ticket cannot become inactive while it depends on active tickets, unless
/// <see cref="Force"/> is asked for by someone with the ForceResolve right (RT's behaviour).
/// </summary>
public sealed record SetStatus(string Status, bool Force = false) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var lifecycle = ctx.Lifecycle;
        var ticket = ctx.Ticket;
        if (!lifecycle.IsValid(Status))
            throw TicketChangeContext.Invalid(
                $"'{Status}' is not a status of lifecycle '{lifecycle.Name}'; use one of: {string.Join(", ", lifecycle.Statuses.Select(s => s.Name))}.");
        var to = lifecycle.Canonical(Status);
        if (to == ticket.Status) return;

        var transition = lifecycle.TransitionFor(ticket.Status, to)
            ?? throw TicketChangeContext.Invalid(
                $"Lifecycle '{lifecycle.Name}' does not allow {ticket.Status} → {to}; from {ticket.Status} a ticket may go to: {string.Join(", ", lifecycle.NextStatuses(ticket.Status))}.");
        await ctx.RequireAsync(transition.Right, $"change the status to {to}", ct);

        if (lifecycle.IsInactive(to))
        {
            var pending = await PendingDependencies.ForAsync(ctx.Db, ticket.Id, ct);
            if (pending.Count > 0)
            {
                if (!Force)
                    throw TicketChangeContext.Invalid(
                        $"Ticket #{ticket.Id} cannot be {to}: it is pending {pending.Count} other ticket{(pending.Count == 1 ? "" : "s")} ({string.Join(", ", pending.Select(id => $"#{id}"))}).");
                await ctx.RequireAsync(Right.ForceResolve, $"make it {to} while it depends on open tickets", ct);
            }
        }

        Apply(ctx, ticket, lifecycle, to);
    }

    /// <summary>Changes the status with its date bookkeeping; used also by correspondence and merges.</summary>
    internal static void Apply(TicketChangeContext ctx, Ticket ticket, Lifecycle lifecycle, string to)
    {
        var from = ticket.Status;
        ticket.Status = to;
        if (lifecycle.GroupOf(from) == StatusGroup.Initial && lifecycle.GroupOf(to) != StatusGroup.Initial)
            ticket.Started ??= ctx.Now;
        if (lifecycle.IsInactive(to))
            ticket.Resolved = ctx.Now;
        else if (lifecycle.IsInactive(from))
            ticket.Resolved = null;
        ctx.Record(TransactionType.Status, "Status", from, to, on: ticket);
    }
}
