using System.Text;

namespace NocBoard.Search;

/// <summary>
/// Splits a TicketSQL query into tokens. Strings are single- or double-quoted, with a backslash
/// escaping the next character (RT's rule). Field names may carry a braced custom field name,
/// <c>CF.{Circuit ID}</c>, which may contain spaces.
/// </summary>
internal static class TicketSqlLexer
{
    private static readonly string[] Operators = ["!=", "<>", "<=", ">=", "=", "<", ">"];

    public static List<TicketSqlToken> Tokenize(string query)
    {
        var tokens = new List<TicketSqlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c == '(' || c == ')')
            {
                tokens.Add(new(c == '(' ? TokenKind.OpenParen : TokenKind.CloseParen, c.ToString(), i, 1));
                i++;
            }
            else if (c == '\'' || c == '"')
            {
                tokens.Add(ReadString(query, ref i));
            }
            else if (char.IsAsciiDigit(c) || ((c == '-' || c == '+') && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))
            {
                i++;
                while (i < query.Length && (char.IsAsciiDigit(query[i]) || (query[i] == '.' && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))) i++;
                tokens.Add(new(TokenKind.Number, query[start..i], start, i - start));
            }
            else if (Operators.FirstOrDefault(op => string.CompareOrdinal(query, i, op, 0, op.Length) == 0) is { } op)
            {
                tokens.Add(new(TokenKind.Operator, op, i, op.Length));
                i += op.Length;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                tokens.Add(ReadWord(query, ref i));
            }
            else
            {
                throw new TicketSqlException($"Unexpected character '{c}' at position {i}.", i);
            }
        }
        tokens.Add(new(TokenKind.End, "", query.Length, 1));
        return tokens;
    }

    private static TicketSqlToken ReadString(string query, ref int i)
    {
        var start = i;
        var quote = query[i++];
        var text = new StringBuilder();
        while (i < query.Length && query[i] != quote)
        {
            if (query[i] == '\\' && i + 1 < query.Length) i++;
            text.Append(query[i++]);
        }
        if (i >= query.Length)
            throw new TicketSqlException($"Unterminated string starting at position {start}: add the closing {quote}.", start, query.Length - start);
        i++;
        return new(TokenKind.String, text.ToString(), start, i - start);
    }

    private static TicketSqlToken ReadWord(string query, ref int i)
    {
        var start = i;
        while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '_' or '.'))
        {
            i++;
            if (query[i - 1] == '.' && i < query.Length && query[i] == '{')
            {
                var close = query.IndexOf('}', i);
                if (close < 0)
                    throw new TicketSqlException($"Missing '}}' to close the '{{' at position {i}.", i, query.Length - i);
                i = close + 1;
                break;
            }
        }
        return new(TokenKind.Word, query[start..i], start, i - start);
    }
}
