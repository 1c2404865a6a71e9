using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Site;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Automation.Due;

/// <summary>Due dates from a queue's service level, set on a new ticket that came without one.</summary>
public sealed class DueDates(NocDbContext db, TicketService tickets, IOptions<SiteOptions> site)
{
    public async Task ApplyOnCreateAsync(int ticketId, Actor system, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || ticket.Due is not null) return;
        var sla = await db.QueueSlas().AsNoTracking().SingleOrDefaultAsync(s => s.QueueId == ticket.QueueId, ct);
        if (sla?.DueInHours is not { } hours) return;
        var due = DueFor(sla, ticket.Created, hours);
        var result = await tickets.ApplyAsync(ticket.Id, new SetField(TicketField.Due, TicketFieldsText(due)), system, ct: ct);
        if (!result.Succeeded) throw new InvalidOperationException($"Could not set the due date of ticket #{ticket.Id}: {result.Error!.Message}");
    }

    public DateTimeOffset DueFor(QueueSla sla, DateTimeOffset created, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(sla.TimeZone) ? site.Value.TimeZone : sla.TimeZone);
        return BusinessHours.Add(created, TimeSpan.FromHours(hours), sla, zone);
    }

    private static string TicketFieldsText(DateTimeOffset due) => due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
