using System.Linq.Expressions;
namespace NocBoard.Tickets;

/// <summary>
/// Builds ticket filters as expression trees EF Core translates to SQL: AND, OR, NOT, and
/// "this test on that field". Values are captured as closures, so EF sends them as parameters.
/// </summary>
internal static class TicketPredicates
{
    public static Expression<Func<Ticket, bool>> None => _ => false;

    public static Expression<Func<Ticket, bool>> And(Expression<Func<Ticket, bool>> left, Expression<Func<Ticket, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    public static Expression<Func<Ticket, bool>> Or(Expression<Func<Ticket, bool>> left, Expression<Func<Ticket, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    public static Expression<Func<Ticket, bool>> Not(Expression<Func<Ticket, bool>> predicate) =>
        Expression.Lambda<Func<Ticket, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary>Applies a test on a field's value to the field of a ticket: On(t => t.Priority, p => p > 3).</summary>
    public static Expression<Func<Ticket, bool>> On<TField>(Expression<Func<Ticket, TField>> field, Expression<Func<TField, bool>> test) =>
        Expression.Lambda<Func<Ticket, bool>>(new Rebind(test.Parameters[0], field.Body).Visit(test.Body), field.Parameters);

    private static Expression<Func<Ticket, bool>> Combine(Expression<Func<Ticket, bool>> left, Expression<Func<Ticket, bool>> right,
        Func<Expression, Expression, BinaryExpression> op)
    {
        var rightBody = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<Ticket, bool>>(op(left.Body, rightBody), left.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
