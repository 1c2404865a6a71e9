namespace NocBoard.Search;

/// <summary>
/// Parses TicketSQL: <c>condition (AND|OR condition)*</c> with parentheses, AND binding tighter
/// than OR, keywords in any case. A condition is <c>field operator value</c> or
/// <c>field IS [NOT] NULL</c>. Errors name what was expected and where (0-based position).
/// An empty query means "every ticket" and parses to null.
/// </summary>
public sealed class TicketSqlParser
{
    /// <summary>Deeper nesting than this is refused rather than risking the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>More conditions than this make a query the database should not be asked.</summary>
    public const int MaxConditions = 200;

    private static readonly string[] Keywords = ["AND", "OR", "NOT", "LIKE", "IS", "NULL"];

    private const string OperatorList = "=, !=, <, >, <=, >=, LIKE, NOT LIKE, IS NULL or IS NOT NULL";

    private readonly List<TicketSqlToken> tokens;
    private int next;
    private int depth;
    private int conditions;

    private TicketSqlParser(string query) => tokens = TicketSqlLexer.Tokenize(query);

    public static TicketSqlNode? Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var parser = new TicketSqlParser(query);
        var node = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind == TokenKind.CloseParen)
            throw Error($"Unexpected ')' at position {rest.Position}: there is no '(' for it to close.", rest);
        if (rest.Kind != TokenKind.End)
            throw Error($"Expected AND, OR or the end of the query at position {rest.Position}, found {rest.Describe()}.", rest);
        return node;
    }

    private TicketSqlToken Peek => tokens[next];

    private TicketSqlToken Take() => tokens[next++];

    private TicketSqlNode ParseOr()
    {
        var parts = new List<TicketSqlNode> { ParseAnd() };
        while (Peek.Is("OR")) { Take(); parts.Add(ParseAnd()); }
        return parts.Count == 1 ? parts[0] : new TicketSqlOr(parts);
    }

    private TicketSqlNode ParseAnd()
    {
        var parts = new List<TicketSqlNode> { ParsePrimary() };
        while (Peek.Is("AND")) { Take(); parts.Add(ParsePrimary()); }
        return parts.Count == 1 ? parts[0] : new TicketSqlAnd(parts);
    }

    private TicketSqlNode ParsePrimary()
    {
        if (Peek.Kind != TokenKind.OpenParen) return ParseCondition();
        var open = Take();
        if (++depth > MaxDepth)
            throw Error($"Too many nested parentheses at position {open.Position} (at most {MaxDepth}).", open);
        var inner = ParseOr();
        if (Peek.Kind != TokenKind.CloseParen)
            throw Error($"Expected ')' at position {Peek.Position} to close the '(' at position {open.Position}, found {Peek.Describe()}.", Peek);
        Take();
        depth--;
        return inner;
    }

    private TicketSqlCondition ParseCondition()
    {
        var field = ParseField();
        if (++conditions > MaxConditions)
            throw Error($"Too many conditions at position {field.Position} (at most {MaxConditions}).", tokens[next - 1]);
        var opPosition = Peek.Position;
        var (op, opToken) = ParseOperator(field);
        if (op is TicketSqlOperator.IsNull or TicketSqlOperator.IsNotNull) return new(field, op, null, opPosition);

        var value = Peek;
        if (value.Kind is TokenKind.String or TokenKind.Number)
        {
            Take();
            return new(field, op, new TicketSqlValue(value.Text, value.Kind == TokenKind.Number, value.Position, value.Length), opPosition);
        }
        var hint = value.Kind == TokenKind.Word && !value.Is("AND") && !value.Is("OR") ? $": put text in quotes, e.g. '{value.Text}'" : "";
        throw Error($"Expected a value after '{opToken}' at position {value.Position}, found {value.Describe()}{hint}.", value);
    }

    private TicketSqlFieldRef ParseField()
    {
        var token = Peek;
        var quotedField = token.Kind == TokenKind.String && TicketSqlFields.Find(token.Text) is { Field: TicketSqlField.CustomField };
        if ((token.Kind != TokenKind.Word && !quotedField) || Keywords.Any(token.Is))
            throw Error($"Expected a field name at position {token.Position}, found {token.Describe()}.", token);
        Take();
        var found = TicketSqlFields.Find(token.Text)
            ?? throw Error($"Unknown field '{token.Text}' at position {token.Position}. Valid fields: {string.Join(", ", TicketSqlFields.Names)}.", token);
        return new TicketSqlFieldRef(found.Field, found.CustomField, token.Position, token.Length);
    }

    private (TicketSqlOperator Op, string Text) ParseOperator(TicketSqlFieldRef field)
    {
        var token = Take();
        if (token.Kind == TokenKind.Operator)
        {
            return (token.Text switch
            {
                "=" => TicketSqlOperator.Equal,
                "!=" or "<>" => TicketSqlOperator.NotEqual,
                "<" => TicketSqlOperator.Less,
                ">" => TicketSqlOperator.Greater,
                "<=" => TicketSqlOperator.LessOrEqual,
                _ => TicketSqlOperator.GreaterOrEqual,
            }, token.Text);
        }
        if (token.Is("LIKE")) return (TicketSqlOperator.Like, "LIKE");
        if (token.Is("NOT") && Peek.Is("LIKE")) { Take(); return (TicketSqlOperator.NotLike, "NOT LIKE"); }
        if (token.Is("IS"))
        {
            var not = Peek.Is("NOT");
            if (not) Take();
            var nullToken = Take();
            if (!nullToken.Is("NULL"))
                throw Error($"Expected NULL after '{(not ? "IS NOT" : "IS")}' at position {nullToken.Position}, found {nullToken.Describe()}.", nullToken);
            return (not ? TicketSqlOperator.IsNotNull : TicketSqlOperator.IsNull, not ? "IS NOT NULL" : "IS NULL");
        }
        throw Error($"Expected an operator ({OperatorList}) after '{field}' at position {token.Position}, found {token.Describe()}.", token);
    }

    private static TicketSqlException Error(string message, TicketSqlToken at) => new(message, at.Position, at.Length);
}
