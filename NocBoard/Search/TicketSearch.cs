using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Search;

/// <summary>One page of search results and how many tickets matched in all.</summary>
public sealed record SearchResult(int Total, IReadOnlyList<Ticket> Tickets, int Page, int PageSize)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Runs TicketSQL searches for a user. Every search starts from the tickets the user may see
/// (<see cref="TicketReader.QueryAsync"/>) and narrows them in the database: filtering, counting,
/// sorting and paging all happen in SQL. A query or sort order that cannot be run throws a
/// <see cref="TicketSqlException"/> with the position to point at.
/// </summary>
public sealed class TicketSearch(NocDbContext db, TicketReader reader, RightsService rights, RelativeDates dates)
{
    public const int MaxPageSize = 1000;

    /// <summary>The matching tickets, counted and one page of them in the given order (default: by number).</summary>
    public async Task<SearchResult> SearchAsync(string? query, Actor actor, string? orderBy = null, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var orders = TicketOrdering.Parse(orderBy);
        var tickets = await QueryAsync(query, actor, ct);
        var total = await tickets.CountAsync(ct);
        var items = await TicketOrdering.Apply(tickets, orders, db)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return new SearchResult(total, items, page, pageSize);
    }

    /// <summary>
    /// The matching tickets as a query to refine further (bulk update, export, portlets). Nothing
    /// runs until it is enumerated; an empty query matches every ticket the user may see.
    /// </summary>
    public async Task<IQueryable<Ticket>> QueryAsync(string? query, Actor actor, CancellationToken ct = default)
    {
        var node = TicketSqlParser.Parse(query);
        var visible = await reader.QueryAsync(actor, ct);
        if (node is null) return visible;
        var subject = await rights.SubjectAsync(actor.Id, ct);
        var filter = await new TicketSqlTranslator(new SearchScope(db, actor, subject, dates)).TranslateAsync(node, ct);
        return visible.Where(filter);
    }

    /// <summary>Checks a query and sort order without running them; throws <see cref="TicketSqlException"/> when they cannot be run.</summary>
    public async Task ValidateAsync(string? query, string? orderBy, Actor actor, CancellationToken ct = default)
    {
        TicketOrdering.Parse(orderBy);
        await QueryAsync(query, actor, ct);
    }
}
