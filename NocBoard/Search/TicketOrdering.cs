using System.Linq.Expressions;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Search;

/// <summary>One key of a sort order: a field and its direction.</summary>
public sealed record TicketOrder(TicketSqlField Field, bool Descending);

/// <summary>
/// Sort orders as RT writes them, <c>Priority DESC, id ASC</c>. Sorting happens in the database;
/// empty dates and owners sort last either way, and ticket number breaks ties so pages are stable.
/// </summary>
public static class TicketOrdering
{
    public static IReadOnlyList<TicketSqlField> Sortable { get; } =
    [
        TicketSqlField.Id, TicketSqlField.Subject, TicketSqlField.Queue, TicketSqlField.Status, TicketSqlField.Owner,
        TicketSqlField.Creator, TicketSqlField.LastUpdatedBy, TicketSqlField.Priority, TicketSqlField.InitialPriority,
        TicketSqlField.FinalPriority, TicketSqlField.TimeWorked, TicketSqlField.TimeEstimated, TicketSqlField.TimeLeft,
        TicketSqlField.Created, TicketSqlField.LastUpdated, TicketSqlField.Resolved, TicketSqlField.Due,
        TicketSqlField.Starts, TicketSqlField.Started, TicketSqlField.Told,
    ];

    /// <summary>Reads a sort order; empty means by ticket number. Errors carry the position in the order text.</summary>
    public static IReadOnlyList<TicketOrder> Parse(string? orderBy)
    {
        var orders = new List<TicketOrder>();
        if (string.IsNullOrWhiteSpace(orderBy)) return orders;
        var start = 0;
        foreach (var item in orderBy.Split(','))
        {
            var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var at = start + (item.Length - item.TrimStart().Length);
            if (words.Length == 0)
                throw Error($"Expected a field to sort by at position {at}.", at, 1);
            var field = TicketSqlFields.Find(words[0]);
            if (field is not { CustomField: null } || !Sortable.Contains(field.Value.Field))
                throw Error($"Cannot sort by '{words[0]}' at position {at}. Sortable fields: {string.Join(", ", Sortable.Select(TicketSqlFields.Name))}.",
                    at, words[0].Length);
            var descending = false;
            if (words.Length > 1)
            {
                var dirAt = orderBy.IndexOf(words[1], at + words[0].Length, StringComparison.Ordinal);
                if (words[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)) descending = true;
                else if (!words[1].Equals("ASC", StringComparison.OrdinalIgnoreCase))
                    throw Error($"Expected ASC or DESC after '{words[0]}' at position {dirAt}, found '{words[1]}'.", dirAt, words[1].Length);
                if (words.Length > 2)
                {
                    var extraAt = orderBy.IndexOf(words[2], dirAt + words[1].Length, StringComparison.Ordinal);
                    throw Error($"Expected ',' or the end at position {extraAt}, found '{words[2]}'.", extraAt, words[2].Length);
                }
            }
            orders.Add(new TicketOrder(field.Value.Field, descending));
            start += item.Length + 1;
        }
        return orders;
    }

    internal static IOrderedQueryable<Ticket> Apply(IQueryable<Ticket> tickets, IReadOnlyList<TicketOrder> orders, NocDbContext db)
    {
        var sort = new Sorter(tickets);
        foreach (var (field, desc) in orders)
        {
            switch (field)
            {
                case TicketSqlField.Id: sort.By(t => t.Id, desc); break;
                case TicketSqlField.Subject: sort.By(t => t.Subject, desc); break;
                case TicketSqlField.Status: sort.By(t => t.Status, desc); break;
                case TicketSqlField.Queue: sort.By(t => db.Queues.Where(q => q.Id == t.QueueId).Select(q => q.Name).FirstOrDefault(), desc); break;
                case TicketSqlField.Owner:
                    sort.By(t => t.OwnerId == null, false);
                    sort.By(t => db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.UserName).FirstOrDefault(), desc);
                    break;
                case TicketSqlField.Creator: sort.By(t => db.Users.Where(u => u.Id == t.CreatorId).Select(u => u.UserName).FirstOrDefault(), desc); break;
                case TicketSqlField.LastUpdatedBy: sort.By(t => db.Users.Where(u => u.Id == t.LastUpdatedById).Select(u => u.UserName).FirstOrDefault(), desc); break;
                case TicketSqlField.Priority: sort.By(t => t.Priority, desc); break;
                case TicketSqlField.InitialPriority: sort.By(t => t.InitialPriority, desc); break;
                case TicketSqlField.FinalPriority: sort.By(t => t.FinalPriority, desc); break;
                case TicketSqlField.TimeWorked: sort.By(t => t.TimeWorked, desc); break;
                case TicketSqlField.TimeEstimated: sort.By(t => t.TimeEstimated, desc); break;
                case TicketSqlField.TimeLeft: sort.By(t => t.TimeLeft, desc); break;
                case TicketSqlField.Created: sort.By(t => t.Created, desc); break;
                case TicketSqlField.LastUpdated: sort.By(t => t.LastUpdated, desc); break;
                case TicketSqlField.Resolved: sort.ByDate(t => t.Resolved, desc); break;
                case TicketSqlField.Due: sort.ByDate(t => t.Due, desc); break;
                case TicketSqlField.Starts: sort.ByDate(t => t.Starts, desc); break;
                case TicketSqlField.Started: sort.ByDate(t => t.Started, desc); break;
                case TicketSqlField.Told: sort.ByDate(t => t.Told, desc); break;
                default: throw new ArgumentException($"Cannot sort by {field}.", nameof(orders));
            }
        }
        if (!orders.Any(o => o.Field == TicketSqlField.Id)) sort.By(t => t.Id, false);
        return sort.Result!;
    }

    private static TicketSqlException Error(string message, int position, int length) =>
        new(message, position, length, TicketSqlPart.OrderBy);

    private sealed class Sorter(IQueryable<Ticket> tickets)
    {
        public IOrderedQueryable<Ticket>? Result { get; private set; }

        public void By<TKey>(Expression<Func<Ticket, TKey>> key, bool descending) =>
            Result = Result is null
                ? descending ? tickets.OrderByDescending(key) : tickets.OrderBy(key)
                : descending ? Result.ThenByDescending(key) : Result.ThenBy(key);

        /// <summary>Tickets without the date last, whichever the direction.</summary>
        public void ByDate(Expression<Func<Ticket, DateTimeOffset?>> date, bool descending)
        {
            By(TicketPredicates.On(date, d => d == null), false);
            By(date, descending);
        }
    }
}
