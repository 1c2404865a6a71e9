using System.Globalization;
using System.Linq.Expressions;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Tickets;
using static NocBoard.Tickets.TicketPredicates;
using static NocBoard.Search.TicketSqlOperator;
using static NocBoard.Search.TicketSqlTranslator;

namespace NocBoard.Search;

/// <summary>
/// <c>CF.{Name}</c> conditions: a ticket matches when one of its values for the field does
/// (EXISTS); != and NOT LIKE match tickets with no such value; IS NULL means no value at all.
/// Numbers compare as numbers, dates as dates, text ignoring case. Values are searched only on
/// tickets whose custom fields the searcher may see (SeeCustomField), so a search reveals none.
/// </summary>
internal static class CustomFieldConditions
{
    private const string StoredDate = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static async Task<Expression<Func<Ticket, bool>>> CustomFieldAsync(TicketSqlCondition c, SearchScope scope, CancellationToken ct)
    {
        var fields = await scope.CustomFieldsAsync(ct);
        var name = c.Field.CustomFieldName!;
        var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(c, $"Unknown custom field '{name}' at position {c.Field.Position}. "
                                + (fields.Count == 0 ? "No custom fields are defined." : $"Custom fields: {string.Join(", ", fields.Select(f => f.Name))}."));
        var db = scope.Db;
        var fieldId = field.Id;
        var values = db.CustomFieldValues.Where(v => v.CustomFieldId == fieldId);

        Expression<Func<Ticket, bool>> condition;
        if (c.Operator is IsNull or IsNotNull)
        {
            Expression<Func<Ticket, bool>> hasAny = t => values.Any(v => v.TicketId == t.Id);
            condition = c.Operator == IsNotNull ? hasAny : Not(hasAny);
        }
        else
        {
            var matching = values.Where(ValueTest(c, field, scope));
            Expression<Func<Ticket, bool>> has = t => matching.Any(v => v.TicketId == t.Id);
            condition = c.Operator is NotEqual or NotLike ? Not(has) : has;
        }

        var subject = scope.Subject;
        if (subject.Has(Right.SeeCustomField, null)) return condition;
        var seen = db.Tickets.VisibleTo(db, subject, Right.SeeCustomField).Select(t => t.Id);
        return And(t => seen.Contains(t.Id), condition);
    }

    /// <summary>The test one stored value must pass; for != and NOT LIKE, the test no value may pass.</summary>
    private static Expression<Func<TicketCustomFieldValue, bool>> ValueTest(TicketSqlCondition c, CustomField field, SearchScope scope)
    {
        var value = ValueOf(c);
        switch (field.Type)
        {
            case CustomFieldType.Number:
                Allow(c, Comparisons);
                if (!double.TryParse(value.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    throw Invalid(c, $"{c.Field} takes a number, not '{value.Text}', at position {value.Position}.", value.Position, value.Length);
                return c.Operator switch
                {
                    Equal or NotEqual => v => (double)(object)v.Value == number,
                    Less => v => (double)(object)v.Value < number,
                    Greater => v => (double)(object)v.Value > number,
                    LessOrEqual => v => (double)(object)v.Value <= number,
                    _ => v => (double)(object)v.Value >= number,
                };
            case CustomFieldType.Date:
                Allow(c, Comparisons);
                var range = DateValue(c, scope);
                // Stored as ISO 8601 UTC text, which sorts as the dates do.
                var start = range.Start.ToString(StoredDate, CultureInfo.InvariantCulture);
                var end = range.End.ToString(StoredDate, CultureInfo.InvariantCulture);
                var span = range.IsSpan;
                return c.Operator switch
                {
                    Equal or NotEqual when span => v => string.Compare(v.Value, start) >= 0 && string.Compare(v.Value, end) < 0,
                    Equal or NotEqual => v => v.Value == start,
                    Less => v => string.Compare(v.Value, start) < 0,
                    LessOrEqual when span => v => string.Compare(v.Value, end) < 0,
                    LessOrEqual => v => string.Compare(v.Value, start) <= 0,
                    Greater when span => v => string.Compare(v.Value, end) >= 0,
                    Greater => v => string.Compare(v.Value, start) > 0,
                    _ => v => string.Compare(v.Value, start) >= 0,
                };
            default:
                Allow(c, Matching);
                var text = value.Text.Trim().ToLowerInvariant();
                return c.Operator is Like or NotLike
                    ? v => v.Value.ToLower().Contains(text)
                    : v => v.Value.ToLower() == text;
        }
    }
}
