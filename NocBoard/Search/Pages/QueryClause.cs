namespace NocBoard.Search.Pages;

/// <summary>One line of the query builder: field, operator, value, and how it joins the line before.</summary>
public sealed class QueryClause
{
    public string Joiner { get; set; } = "AND";
    public string Field { get; set; } = "Status";
    public string Operator { get; set; } = "=";
    public string Value { get; set; } = "";

    public static readonly string[] Operators = ["=", "!=", "<", ">", "<=", ">=", "LIKE", "NOT LIKE", "IS NULL", "IS NOT NULL"];

    public bool TakesValue => Operator is not ("IS NULL" or "IS NOT NULL");

    /// <summary>
    /// The clauses as TicketSQL, for people who don't type it: values are quoted (a number too,
    /// which TicketSQL accepts), quotes inside them escaped. Incomplete lines are left out.
    /// </summary>
    public static string ToTicketSql(IEnumerable<QueryClause> clauses)
    {
        var parts = new List<string>();
        foreach (var c in clauses)
        {
            if (string.IsNullOrWhiteSpace(c.Field) || (c.TakesValue && string.IsNullOrWhiteSpace(c.Value))) continue;
            var field = c.Field.Trim();
            var condition = c.TakesValue ? $"{field} {c.Operator} '{Escape(c.Value.Trim())}'" : $"{field} {c.Operator}";
            parts.Add(parts.Count == 0 ? condition : $"{(c.Joiner == "OR" ? "OR" : "AND")} {condition}");
        }
        return string.Join(" ", parts);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("'", "\\'");
}
