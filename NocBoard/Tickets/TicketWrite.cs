using NocBoard.Accounts;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets;

/// <summary>
/// One caller's write as the write path takes it: a new ticket or an existing one, the changes to
/// make, who makes them, and the version the caller's view was based on.
/// </summary>
public sealed record TicketWrite(NewTicket? NewTicket, int? TicketId, IReadOnlyList<TicketChange> Changes, Actor Actor, int? ExpectedVersion)
{
    public static TicketWrite Create(NewTicket ticket, IReadOnlyList<TicketChange> then, Actor actor) =>
        new(ticket, null, then, actor, null);

    public static TicketWrite Apply(int ticketId, IReadOnlyList<TicketChange> changes, Actor actor, int? expectedVersion = null) =>
        new(null, ticketId, changes, actor, expectedVersion);
}

/// <summary>
/// What came of one write once its transaction ended: the answer for the caller, the changes to
/// publish to live screens, and whether side effects wait in the outbox. Announced only once the
/// commit is on disk.
/// </summary>
internal sealed record TicketWriteOutcome(
    TicketChangeResult Result, IReadOnlyList<TicketCommitted> Changes, bool QueuedSideEffects, Exception? Failure)
{
    public static TicketWriteOutcome Refused(TicketError error) => new(TicketChangeResult.Refused(error), [], false, null);

    /// <summary>The write failed for a reason that is not a refusal (a database error); its caller gets the exception.</summary>
    public static TicketWriteOutcome Failed(Exception failure) => new(TicketChangeResult.Refused(new TicketError(TicketErrorKind.Invalid, failure.Message)), [], false, failure);
}
