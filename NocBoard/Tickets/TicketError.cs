namespace NocBoard.Tickets;

/// <summary>Why a change was refused; every kind maps to an HTTP status for the APIs.</summary>
public enum TicketErrorKind
{
    /// <summary>The ticket (or another object the change names) does not exist or may not be seen.</summary>
    NotFound,
    /// <summary>The actor lacks a right.</summary>
    Forbidden,
    /// <summary>The change is not acceptable (bad value, illegal transition, blocked by dependencies).</summary>
    Invalid,
    /// <summary>The ticket changed since the version the change was based on.</summary>
    Conflict,
}

public sealed record TicketError(TicketErrorKind Kind, string Message);

/// <summary>
/// Thrown by a change to refuse itself; <see cref="TicketService"/> rolls back everything the
/// change did and returns the error. Never escapes the service.
/// </summary>
public sealed class TicketRefusedException(TicketErrorKind kind, string message) : Exception(message)
{
    public TicketError Error { get; } = new(kind, message);
}
