namespace NocBoard.Tickets;

/// <summary>
/// One kind of change to an existing ticket. A change checks the rights it needs and validates its
/// input through the context, mutates the ticket, and records its transaction(s); the service
/// around it does the rest (version check, commit, outbox, publishing). A change refuses by
/// throwing <see cref="TicketRefusedException"/> through <see cref="TicketChangeContext"/>'s helpers.
/// </summary>
public abstract record TicketChange
{
    internal abstract Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct);
}
