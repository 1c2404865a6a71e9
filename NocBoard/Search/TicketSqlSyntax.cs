
namespace NocBoard.Search;

/// <summary>A parsed TicketSQL query: conditions joined by AND and OR. <see cref="ToString"/> writes it back canonically.</summary>
public abstract record TicketSqlNode(int Position);

/// <summary>All parts must hold.</summary>
public sealed record TicketSqlAnd(IReadOnlyList<TicketSqlNode> Parts) : TicketSqlNode(Parts[0].Position)
{
    public override string ToString() => string.Join(" AND ", Parts.Select(p => p is TicketSqlOr ? $"({p})" : p.ToString()));
}

/// <summary>At least one part must hold.</summary>
public sealed record TicketSqlOr(IReadOnlyList<TicketSqlNode> Parts) : TicketSqlNode(Parts[0].Position)
{
    public override string ToString() => string.Join(" OR ", Parts.Select(p => p.ToString()));
}

public enum TicketSqlOperator { Equal, NotEqual, Less, Greater, LessOrEqual, GreaterOrEqual, Like, NotLike, IsNull, IsNotNull }

/// <summary>The field a condition is about, with the custom field's name for CF.{Name}.</summary>
public sealed record TicketSqlFieldRef(TicketSqlField Field, string? CustomFieldName, int Position, int Length)
{
    public TicketSqlFieldKind Kind => TicketSqlFields.KindOf(Field);

    public override string ToString() => Field == TicketSqlField.CustomField ? $"CF.{{{CustomFieldName}}}" : TicketSqlFields.Name(Field);
}

/// <summary>A value as written: the text of a quoted string, or a bare number.</summary>
public sealed record TicketSqlValue(string Text, bool IsNumber, int Position, int Length)
{
    public override string ToString() =>
        IsNumber ? Text : "'" + Text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}

/// <summary>One comparison: <c>Priority &gt; 3</c>, <c>Owner IS NULL</c>. Value is null only for IS (NOT) NULL.</summary>
public sealed record TicketSqlCondition(TicketSqlFieldRef Field, TicketSqlOperator Operator, TicketSqlValue? Value, int OperatorPosition = 0)
    : TicketSqlNode(Field.Position)
{
    public override string ToString() => Value is null
        ? $"{Field} {OperatorText(Operator)}"
        : $"{Field} {OperatorText(Operator)} {Value}";

    public static string OperatorText(TicketSqlOperator op) => op switch
    {
        TicketSqlOperator.Equal => "=",
        TicketSqlOperator.NotEqual => "!=",
        TicketSqlOperator.Less => "<",
        TicketSqlOperator.Greater => ">",
        TicketSqlOperator.LessOrEqual => "<=",
        TicketSqlOperator.GreaterOrEqual => ">=",
        TicketSqlOperator.Like => "LIKE",
        TicketSqlOperator.NotLike => "NOT LIKE",
        TicketSqlOperator.IsNull => "IS NULL",
        TicketSqlOperator.IsNotNull => "IS NOT NULL",
        _ => op.ToString(),
    };
}
