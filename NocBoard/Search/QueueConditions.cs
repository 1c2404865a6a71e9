using System.Linq.Expressions;
using NocBoard.Queues;
using NocBoard.Tickets;
using static NocBoard.Search.TicketSqlOperator;
using static NocBoard.Search.TicketSqlTranslator;

namespace NocBoard.Search;

/// <summary>Conditions on the queue (by name or number) and the status, including RT's status groups.</summary>
internal static class QueueConditions
{
    public const string Active = "__Active__";
    public const string Inactive = "__Inactive__";
    public const string Initial = "__Initial__";

    /// <summary><c>Queue = 'Outages'</c> or <c>Queue = 3</c>; LIKE matches part of the name.</summary>
    public static async Task<Expression<Func<Ticket, bool>>> QueueAsync(TicketSqlCondition c, SearchScope scope, CancellationToken ct)
    {
        Allow(c, Matching);
        var text = ValueOf(c).Text.Trim();
        var queues = await scope.QueuesAsync(ct);
        List<int> ids;
        if (c.Operator is Like or NotLike)
        {
            ids = queues.Where(q => q.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(q => q.Id).ToList();
        }
        else
        {
            ids = queues.Where(q => string.Equals(q.Name, text, StringComparison.OrdinalIgnoreCase)).Select(q => q.Id).ToList();
            if (ids.Count == 0 && int.TryParse(text, out var id)) ids = [id];
        }
        Expression<Func<Ticket, bool>> inQueues = t => ids.Contains(t.QueueId);
        return c.Operator is Equal or Like ? inQueues : TicketPredicates.Not(inQueues);
    }

    /// <summary>
    /// <c>Status = 'open'</c>; <c>'__Active__'</c> (initial and active statuses), <c>'__Inactive__'</c>
    /// and <c>'__Initial__'</c> are resolved per queue, since each queue's lifecycle has its own statuses.
    /// </summary>
    public static async Task<Expression<Func<Ticket, bool>>> StatusAsync(TicketSqlCondition c, SearchScope scope, CancellationToken ct)
    {
        Allow(c, Matching);
        var value = ValueOf(c);
        var text = value.Text.Trim();
        if (c.Operator is Like or NotLike)
        {
            var part = text.ToLowerInvariant();
            Expression<Func<Ticket, bool>> like = t => t.Status.ToLower().Contains(part);
            return c.Operator == Like ? like : TicketPredicates.Not(like);
        }

        var queues = await scope.QueuesAsync(ct);
        StatusGroup[]? groups = text.ToLowerInvariant() switch
        {
            "__active__" => [StatusGroup.Initial, StatusGroup.Active],
            "__inactive__" => [StatusGroup.Inactive],
            "__initial__" => [StatusGroup.Initial],
            _ => null,
        };
        Expression<Func<Ticket, bool>> positive;
        if (groups is not null)
        {
            positive = StatusGroupFilter.InGroups(queues, groups);
        }
        else
        {
            var all = queues.SelectMany(q => q.Lifecycle.Statuses).Select(s => s.Name).Distinct().ToList();
            var names = all.Where(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (names.Count == 0)
                throw Invalid(c, $"'{text}' at position {value.Position} is not a status of any queue. Statuses: {string.Join(", ", all)}, "
                                 + $"or the groups {Active}, {Inactive} and {Initial}.", value.Position, value.Length);
            positive = t => names.Contains(t.Status);
        }
        return c.Operator == Equal ? positive : TicketPredicates.Not(positive);
    }
}
