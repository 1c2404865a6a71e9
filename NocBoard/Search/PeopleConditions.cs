using System.Linq.Expressions;
using NocBoard.Tickets;
using static NocBoard.Tickets.TicketPredicates;
using static NocBoard.Search.TicketSqlOperator;
using static NocBoard.Search.TicketSqlTranslator;

namespace NocBoard.Search;

/// <summary>
/// Conditions on people: the owner (and creator, last updater) and the watchers in each role.
/// A person is named by user name, email address or user number; '__CurrentUser__' is the
/// searcher; 'Nobody' as owner means unowned. Watchers may also be bare email addresses.
/// LIKE matches part of a user name, real name or email address.
/// </summary>
internal static class PeopleConditions
{
    public const string CurrentUser = "__CurrentUser__";
    public const string Nobody = "Nobody";

    public static Expression<Func<Ticket, bool>> User(TicketSqlCondition c, SearchScope scope)
    {
        Expression<Func<Ticket, int?>> field = c.Field.Field switch
        {
            TicketSqlField.Owner => t => t.OwnerId,
            TicketSqlField.Creator => t => t.CreatorId,
            TicketSqlField.LastUpdatedBy => t => t.LastUpdatedById,
            _ => throw new ArgumentException($"{c.Field} is not a user field."),
        };
        if (c.Operator == IsNull) return On(field, x => x == null);
        if (c.Operator == IsNotNull) return On(field, x => x != null);
        Allow(c, Matching);

        var value = ValueOf(c);
        var positive = c.Operator is Equal or NotEqual;
        if (positive && IsSpecial(value, Nobody))
            return On(field, c.Operator == Equal ? x => x == null : x => x != null);
        if (positive && IsSpecial(value, CurrentUser))
        {
            int? me = scope.Actor.Id;
            return On(field, c.Operator == Equal ? x => x == me : x => x == null || x != me);
        }
        if (positive && UserNumber(value) is { } number)
            return On(field, c.Operator == Equal ? x => x == number : x => x == null || x != number);
        var users = Users(c, scope);
        return On(field, c.Operator is Equal or Like ? x => users.Contains(x) : x => x == null || !users.Contains(x));
    }

    /// <summary>Requestor, Cc, AdminCc: tickets with (=, LIKE) or without (!=, NOT LIKE) such a watcher in that role.</summary>
    public static Expression<Func<Ticket, bool>> Watcher(TicketSqlCondition c, SearchScope scope)
    {
        var db = scope.Db;
        var role = c.Field.Field switch
        {
            TicketSqlField.Requestor => WatcherRole.Requestor,
            TicketSqlField.Cc => WatcherRole.Cc,
            _ => WatcherRole.AdminCc,
        };
        var inRole = db.TicketWatchers.Where(w => w.Role == role);
        if (c.Operator is IsNull or IsNotNull)
        {
            Expression<Func<Ticket, bool>> any = t => inRole.Any(w => w.TicketId == t.Id);
            return c.Operator == IsNotNull ? any : Not(any);
        }
        Allow(c, Matching);

        var value = ValueOf(c);
        IQueryable<TicketWatcher> watchers;
        if (c.Operator is Like or NotLike)
        {
            var part = value.Text.Trim().ToLowerInvariant();
            var users = Users(c, scope);
            watchers = inRole.Where(w => (w.Email != null && w.Email.Contains(part)) || users.Contains(w.UserId));
        }
        else if (IsSpecial(value, CurrentUser))
        {
            var me = scope.Actor.Id;
            var myEmail = scope.Actor.Email?.Trim().ToLowerInvariant();
            watchers = inRole.Where(w => w.UserId == me || (myEmail != null && w.Email == myEmail));
        }
        else if (UserNumber(value) is { } number)
        {
            watchers = inRole.Where(w => w.UserId == number);
        }
        else
        {
            var email = value.Text.Trim().ToLowerInvariant();
            var users = Users(c, scope);
            watchers = inRole.Where(w => w.Email == email || users.Contains(w.UserId));
        }
        Expression<Func<Ticket, bool>> has = t => watchers.Any(w => w.TicketId == t.Id);
        return c.Operator is Equal or Like ? has : Not(has);
    }

    private static int? UserNumber(TicketSqlValue value) =>
        value.Text.Trim() is var text && text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, out var n) ? n : null;

    /// <summary>The ids of users the value names (exactly, by user name or email) or, for LIKE, partly matches.</summary>
    private static IQueryable<int?> Users(TicketSqlCondition c, SearchScope scope)
    {
        var db = scope.Db;
        var text = ValueOf(c).Text.Trim();
        if (c.Operator is Like or NotLike)
        {
            var part = text.ToLowerInvariant();
            return db.Users.Where(u => u.UserName!.ToLower().Contains(part)
                                       || (u.Email != null && u.Email.ToLower().Contains(part))
                                       || (u.RealName != null && u.RealName.ToLower().Contains(part)))
                .Select(u => (int?)u.Id);
        }
        var normalized = text.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedUserName == normalized || u.NormalizedEmail == normalized).Select(u => (int?)u.Id);
    }
}
