namespace NocBoard.Search;

internal enum TokenKind { Word, String, Number, Operator, OpenParen, CloseParen, End }

/// <summary>One piece of a TicketSQL query: a word (field or keyword), a quoted string, a number, an operator or a parenthesis.</summary>
internal readonly record struct TicketSqlToken(TokenKind Kind, string Text, int Position, int Length)
{
    public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the query" : $"'{Text}'";
}
