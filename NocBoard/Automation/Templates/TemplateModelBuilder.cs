using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Site;
using NocBoard.Tickets;
using NocBoard.Tickets.Display;

namespace NocBoard.Automation.Templates;

/// <summary>Copies a ticket and a transaction into the plain records templates see.</summary>
public sealed class TemplateModelBuilder(NocDbContext db, IOptions<SiteOptions> site, UserClock userClock, TimeProvider clock, QueueCatalog queues)
{
    public string TicketUrl(int ticketId) => $"{site.Value.BaseUrl.TrimEnd('/')}/ticket/{ticketId}";

    public async Task<TicketModel> TicketAsync(Ticket ticket, CancellationToken ct)
    {
        var queue = (await queues.ByIdAsync(db, ticket.QueueId, ct))?.Name
                    ?? throw new InvalidOperationException($"There is no queue #{ticket.QueueId}.");
        var owner = ticket.OwnerId is { } ownerId ? await NameOfAsync(ownerId, ct) : "Nobody";
        var requestors = await db.TicketWatchers.AsNoTracking()
            .Where(w => w.TicketId == ticket.Id && w.Role == WatcherRole.Requestor)
            .Select(w => w.UserId != null ? db.Users.Where(u => u.Id == w.UserId).Select(u => u.Email ?? u.UserName).First() : w.Email)
            .ToListAsync(ct);
        return new TicketModel(ticket.Id, ticket.Subject, ticket.Status, ticket.Priority, ticket.InitialPriority, ticket.FinalPriority,
            queue, owner, string.Join(", ", requestors.Where(r => r is not null)), Local(ticket.Created), ticket.Due is { } d ? Local(d) : null,
            TicketUrl(ticket.Id), userClock.Relative(ticket.Created).Replace(" ago", ""),
            ticket.Due is { } due && due < clock.GetUtcNow());
    }

    public async Task<TransactionModel> TransactionAsync(TicketTransaction transaction, CancellationToken ct)
    {
        var actor = await NameOfAsync(transaction.ActorId, ct);
        var body = await db.Attachments.AsNoTracking()
            .Where(a => a.TransactionId == transaction.Id && a.FileName == null)
            .OrderBy(a => a.Id).Select(a => a.Content).FirstOrDefaultAsync(ct);
        return new TransactionModel(transaction.Id, transaction.Type.ToString(), transaction.Field, transaction.OldValue,
            transaction.NewValue, actor, body is null ? "" : Encoding.UTF8.GetString(body), Local(transaction.Created),
            TransactionText.Describe(transaction, id => id is null ? "Nobody" : $"user #{id}"));
    }

    /// <summary>A moment as the site's clocks show it.</summary>
    public DateTime Local(DateTimeOffset when) => TimeZoneInfo.ConvertTime(when, userClock.SiteZone).DateTime;

    private async Task<string> NameOfAsync(int userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.RealName, u.UserName }).SingleOrDefaultAsync(ct);
        return user is null ? $"user #{userId}" : string.IsNullOrWhiteSpace(user.RealName) ? user.UserName ?? $"user #{userId}" : user.RealName;
    }
}
