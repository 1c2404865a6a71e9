namespace NocBoard.Search;

/// <summary>Which text an error points into: the query itself, or the sort order.</summary>
public enum TicketSqlPart { Query, OrderBy }

/// <summary>
/// A TicketSQL query (or sort order) that cannot be run, with the 0-based character position it
/// went wrong at, so a search form can underline the spot. The message says what was expected.
/// </summary>
public sealed class TicketSqlException(string message, int position, int length = 1, TicketSqlPart part = TicketSqlPart.Query)
    : Exception(message)
{
    /// <summary>0-based index of the first character the error is about.</summary>
    public int Position { get; } = position;

    /// <summary>How many characters from <see cref="Position"/> to underline (at least 1).</summary>
    public int Length { get; } = Math.Max(1, length);

    public TicketSqlPart Part { get; } = part;
}
