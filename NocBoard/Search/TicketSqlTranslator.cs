using System.Globalization;
using System.Linq.Expressions;
using NocBoard.Tickets;
using static NocBoard.Search.TicketSqlOperator;

namespace NocBoard.Search;

/// <summary>
/// Turns a parsed query into one filter over tickets that the database evaluates: each condition
/// becomes a column comparison or an EXISTS / IN subquery, joined by AND and OR as written.
/// The filter refines the tickets the searcher may see; it never widens them.
/// </summary>
internal sealed class TicketSqlTranslator(SearchScope scope)
{
    public static readonly TicketSqlOperator[] Comparisons = [Equal, NotEqual, Less, Greater, LessOrEqual, GreaterOrEqual];
    public static readonly TicketSqlOperator[] Matching = [Equal, NotEqual, Like, NotLike];

    public async Task<Expression<Func<Ticket, bool>>> TranslateAsync(TicketSqlNode node, CancellationToken ct)
    {
        switch (node)
        {
            case TicketSqlAnd and:
                var all = await TranslateAsync(and.Parts[0], ct);
                foreach (var part in and.Parts.Skip(1)) all = TicketPredicates.And(all, await TranslateAsync(part, ct));
                return all;
            case TicketSqlOr or:
                var any = await TranslateAsync(or.Parts[0], ct);
                foreach (var part in or.Parts.Skip(1)) any = TicketPredicates.Or(any, await TranslateAsync(part, ct));
                return any;
            case TicketSqlCondition c:
                return await ConditionAsync(c, ct);
            default:
                throw new ArgumentException($"Unknown query node {node.GetType().Name}.", nameof(node));
        }
    }

    private Task<Expression<Func<Ticket, bool>>> ConditionAsync(TicketSqlCondition c, CancellationToken ct)
    {
        if (c.Operator is IsNull or IsNotNull && !TicketSqlFields.IsNullable(c.Field.Field))
            throw Invalid(c, $"{c.Field} always has a value, so {TicketSqlCondition.OperatorText(c.Operator)} does not apply to it at position {c.OperatorPosition}. "
                             + "IS NULL applies to Owner, Requestor, Cc, AdminCc, Resolved, Due, Starts, Started, Told and custom fields.", c.OperatorPosition);
        return c.Field.Kind switch
        {
            TicketSqlFieldKind.Id => Task.FromResult(FieldConditions.Id(c, scope)),
            TicketSqlFieldKind.Text => Task.FromResult(FieldConditions.Subject(c)),
            TicketSqlFieldKind.Number => Task.FromResult(FieldConditions.Number(c)),
            TicketSqlFieldKind.Date => Task.FromResult(FieldConditions.Date(c, scope)),
            TicketSqlFieldKind.Queue => QueueConditions.QueueAsync(c, scope, ct),
            TicketSqlFieldKind.Status => QueueConditions.StatusAsync(c, scope, ct),
            TicketSqlFieldKind.User => Task.FromResult(PeopleConditions.User(c, scope)),
            TicketSqlFieldKind.Watcher => Task.FromResult(PeopleConditions.Watcher(c, scope)),
            TicketSqlFieldKind.Content => Task.FromResult(ContentConditions.Content(c, scope)),
            TicketSqlFieldKind.CustomField => CustomFieldConditions.CustomFieldAsync(c, scope, ct),
            _ => throw new ArgumentException($"Unknown field kind {c.Field.Kind}."),
        };
    }

    /// <summary>Refuses an operator the field does not take, naming the ones it does.</summary>
    public static void Allow(TicketSqlCondition c, params TicketSqlOperator[] allowed)
    {
        if (c.Operator is IsNull or IsNotNull || allowed.Contains(c.Operator)) return;
        var names = allowed.Select(TicketSqlCondition.OperatorText).ToList();
        var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        throw Invalid(c, $"{c.Field} cannot be compared with {TicketSqlCondition.OperatorText(c.Operator)} at position {c.OperatorPosition}; use {list}.",
            c.OperatorPosition);
    }

    public static TicketSqlValue ValueOf(TicketSqlCondition c) =>
        c.Value ?? throw new InvalidOperationException("IS NULL conditions have no value.");

    /// <summary>The value as a whole number, or an error naming the field and the value.</summary>
    public static int Integer(TicketSqlCondition c)
    {
        var value = ValueOf(c);
        return int.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(c, $"{c.Field} takes a whole number, not '{value.Text}', at position {value.Position}.", value.Position, value.Length);
    }

    /// <summary>The value as a date range in UTC, or an error saying which dates are understood.</summary>
    public static DateRange DateValue(TicketSqlCondition c, SearchScope scope)
    {
        var value = ValueOf(c);
        var (range, problem) = scope.Dates.Resolve(value.Text);
        return range ?? throw Invalid(c, $"{c.Field} takes a date, not '{value.Text}', at position {value.Position}: {problem}.", value.Position, value.Length);
    }

    public static TicketSqlException Invalid(TicketSqlCondition c, string message, int? position = null, int? length = null) =>
        new(message, position ?? c.Field.Position, length ?? (position is null ? c.Field.Length : 1));

    public static bool IsSpecial(TicketSqlValue value, string word) =>
        !value.IsNumber && string.Equals(value.Text.Trim(), word, StringComparison.OrdinalIgnoreCase);
}
