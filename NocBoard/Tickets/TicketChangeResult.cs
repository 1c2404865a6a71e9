namespace NocBoard.Tickets;

/// <summary>The outcome of a write: the committed ticket and the transactions recorded, or why nothing was written.</summary>
public sealed record TicketChangeResult(Ticket? Ticket, IReadOnlyList<TicketTransaction> Transactions, TicketError? Error)
{
    public bool Succeeded => Error is null;

    public static TicketChangeResult Ok(Ticket ticket, IReadOnlyList<TicketTransaction> transactions) => new(ticket, transactions, null);
    public static TicketChangeResult Refused(TicketError error) => new(null, [], error);

    /// <summary>The committed ticket, or an exception carrying the refusal (for callers that treat refusal as a bug).</summary>
    public Ticket EnsureSucceeded() =>
        Ticket ?? throw new InvalidOperationException($"{Error!.Kind}: {Error.Message}");
}
