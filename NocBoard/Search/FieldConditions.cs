using System.Linq.Expressions;
using NocBoard.Tickets;
using static NocBoard.Tickets.TicketPredicates;
using static NocBoard.Search.TicketSqlOperator;
using static NocBoard.Search.TicketSqlTranslator;

namespace NocBoard.Search;

/// <summary>Conditions on the ticket's own columns: id, Subject, the numbers and the dates.</summary>
internal static class FieldConditions
{
    public const string Bookmarked = "__Bookmarked__";

    /// <summary>
    /// <c>id = 42</c> finds ticket 42, or the ticket 42 was merged into (the number still leads
    /// there). <c>id = '__Bookmarked__'</c> finds the searcher's bookmarked tickets.
    /// </summary>
    public static Expression<Func<Ticket, bool>> Id(TicketSqlCondition c, SearchScope scope)
    {
        var db = scope.Db;
        if (IsSpecial(ValueOf(c), Bookmarked))
        {
            Allow(c, Equal, NotEqual);
            var userId = scope.Actor.Id;
            Expression<Func<Ticket, bool>> marked = t => db.Bookmarks.Any(b => b.UserId == userId && b.TicketId == t.Id);
            return c.Operator == Equal ? marked : Not(marked);
        }
        Allow(c, Comparisons);
        var id = Integer(c);
        Expression<Func<Ticket, bool>> isNumber = t => t.Id == id || db.Tickets.Any(o => o.Id == id && o.EffectiveId == t.Id);
        return c.Operator switch
        {
            Equal => isNumber,
            NotEqual => Not(isNumber),
            _ => Compare(t => t.Id, c.Operator, id),
        };
    }

    /// <summary>Subject: = and != ignore case; LIKE means "contains", ignoring case (RT).</summary>
    public static Expression<Func<Ticket, bool>> Subject(TicketSqlCondition c)
    {
        Allow(c, Matching);
        var text = ValueOf(c).Text.ToLowerInvariant();
        return c.Operator switch
        {
            Equal => t => t.Subject.ToLower() == text,
            NotEqual => t => t.Subject.ToLower() != text,
            Like => t => t.Subject.ToLower().Contains(text),
            _ => t => !t.Subject.ToLower().Contains(text),
        };
    }

    public static Expression<Func<Ticket, bool>> Number(TicketSqlCondition c)
    {
        Allow(c, Comparisons);
        Expression<Func<Ticket, int>> field = c.Field.Field switch
        {
            TicketSqlField.Priority => t => t.Priority,
            TicketSqlField.InitialPriority => t => t.InitialPriority,
            TicketSqlField.FinalPriority => t => t.FinalPriority,
            TicketSqlField.TimeWorked => t => t.TimeWorked,
            TicketSqlField.TimeEstimated => t => t.TimeEstimated,
            TicketSqlField.TimeLeft => t => t.TimeLeft,
            _ => throw new ArgumentException($"{c.Field} is not a number field."),
        };
        return Compare(field, c.Operator, Integer(c));
    }

    public static Expression<Func<Ticket, bool>> Compare(Expression<Func<Ticket, int>> field, TicketSqlOperator op, int value) => op switch
    {
        Equal => On(field, x => x == value),
        NotEqual => On(field, x => x != value),
        Less => On(field, x => x < value),
        Greater => On(field, x => x > value),
        LessOrEqual => On(field, x => x <= value),
        _ => On(field, x => x >= value),
    };

    /// <summary>
    /// Dates compare against what the value stands for: a whole day for 'today' or '2026-11-01'
    /// (= is within it, &lt; before it begins, &gt; after it ends), else a moment.
    /// </summary>
    public static Expression<Func<Ticket, bool>> Date(TicketSqlCondition c, SearchScope scope)
    {
        Expression<Func<Ticket, DateTimeOffset?>> field = c.Field.Field switch
        {
            TicketSqlField.Created => t => t.Created,
            TicketSqlField.LastUpdated => t => t.LastUpdated,
            TicketSqlField.Resolved => t => t.Resolved,
            TicketSqlField.Due => t => t.Due,
            TicketSqlField.Starts => t => t.Starts,
            TicketSqlField.Started => t => t.Started,
            TicketSqlField.Told => t => t.Told,
            _ => throw new ArgumentException($"{c.Field} is not a date field."),
        };
        if (c.Operator == IsNull) return On(field, x => x == null);
        if (c.Operator == IsNotNull) return On(field, x => x != null);
        Allow(c, Comparisons);
        return On(field, DateTest(c.Operator, DateValue(c, scope)));
    }

    /// <summary>The test for a date against a range; also used for date custom fields.</summary>
    public static Expression<Func<DateTimeOffset?, bool>> DateTest(TicketSqlOperator op, DateRange range)
    {
        DateTimeOffset? start = range.Start, end = range.End;
        if (range.IsSpan)
        {
            return op switch
            {
                Equal => x => x >= start && x < end,
                NotEqual => x => x < start || x >= end,
                Less => x => x < start,
                LessOrEqual => x => x < end,
                Greater => x => x >= end,
                _ => x => x >= start,
            };
        }
        return op switch
        {
            Equal => x => x == start,
            NotEqual => x => x != null && x != start,
            Less => x => x < start,
            LessOrEqual => x => x <= start,
            Greater => x => x > start,
            _ => x => x >= start,
        };
    }
}
