using System.Linq.Expressions;
using NocBoard.Accounts.Rights;
using NocBoard.Tickets;
using static NocBoard.Search.TicketSqlOperator;
using static NocBoard.Search.TicketSqlTranslator;

namespace NocBoard.Search;

/// <summary>
/// <c>Content LIKE 'words'</c>: tickets with a message containing the words, found through the
/// full-text index (not a scan). = looks for the words as written, LIKE also lets the last word
/// continue; != and NOT LIKE find tickets without such a message. Messages are those of the
/// ticket and of tickets merged into it. Comments count only on tickets where the searcher has
/// ShowTicketComments, so a search never reveals what a comment says.
/// </summary>
internal static class ContentConditions
{
    private static readonly TransactionType[] Public = [TransactionType.Create, TransactionType.Correspond];

    public static Expression<Func<Ticket, bool>> Content(TicketSqlCondition c, SearchScope scope)
    {
        Allow(c, Matching);
        var db = scope.Db;
        var value = ValueOf(c);
        if (!ContentIndex.IsAvailable(db))
            throw Invalid(c, $"Content search needs a full-text index, which this database does not have yet (position {c.Field.Position}).");
        var match = ContentIndex.MatchQuery(value.Text, prefix: c.Operator is Like or NotLike)
            ?? throw Invalid(c, $"Content needs a word to look for at position {value.Position}.", value.Position, value.Length);

        var hits = ContentIndex.Matching(db, match);
        var messages =
            from a in db.Attachments
            where hits.Contains(a.Id)
            join x in db.Transactions on a.TransactionId equals x.Id
            join o in db.Tickets on x.TicketId equals o.Id
            select new { o.EffectiveId, x.Type };

        var subject = scope.Subject;
        if (subject.Has(Right.ShowTicketComments, null))
        {
            messages = messages.Where(m => Public.Contains(m.Type) || m.Type == TransactionType.Comment);
        }
        else
        {
            var commentsSeen = db.Tickets.VisibleTo(db, subject, Right.ShowTicketComments).Select(t => t.Id);
            messages = messages.Where(m => Public.Contains(m.Type) || (m.Type == TransactionType.Comment && commentsSeen.Contains(m.EffectiveId)));
        }
        var ticketIds = messages.Select(m => m.EffectiveId);
        Expression<Func<Ticket, bool>> has = t => ticketIds.Contains(t.Id);
        return c.Operator is Equal or Like ? has : TicketPredicates.Not(has);
    }
}
