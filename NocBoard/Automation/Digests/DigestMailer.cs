using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Outbox;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard.Automation.Digests;

/// <summary>
/// What the digests share: the tickets a person may see (through <see cref="TicketReader"/>, as
/// that person, so a digest never lists a ticket its reader could not open), rendering a template
/// and queueing the mail once per key and day.
/// </summary>
public sealed class DigestMailer(
    NocDbContext db,
    TicketReader reader,
    TemplateDirectory templates,
    TemplateRenderer renderer,
    TemplateModelBuilder models,
    NotificationMail mail,
    TimeProvider clock,
    IOptions<SiteOptions> site,
    OutboxSignal signal)
{
    /// <summary>Today in the site's time zone, for idempotency keys ("once a day").</summary>
    public string Today => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone))
        .ToString("yyyy-MM-dd");

    /// <summary>Of <paramref name="ticketIds"/>, those <paramref name="user"/> may see, in the given order.</summary>
    public async Task<List<Ticket>> VisibleAsync(NocUser user, IReadOnlyList<int> ticketIds, CancellationToken ct)
    {
        var visible = await (await reader.QueryAsync(Actor.For(user), ct)).Where(t => ticketIds.Contains(t.Id)).ToListAsync(ct);
        var byId = visible.ToDictionary(t => t.Id);
        return ticketIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public async Task<List<TicketModel>> ModelsAsync(IEnumerable<Ticket> tickets, CancellationToken ct)
    {
        var result = new List<TicketModel>();
        foreach (var ticket in tickets) result.Add(await models.TicketAsync(ticket, ct));
        return result;
    }

    public DateTime Local(DateTimeOffset when) => models.Local(when);

    /// <summary>Renders <paramref name="templateName"/> and queues it to the user, unless this key was queued already.</summary>
    public async Task<bool> SendAsync(string templateName, int? queueId, NocUser to, TemplateValues values, string key, CancellationToken ct,
        int? ticketId = null)
    {
        var template = await templates.FindAsync(templateName, queueId, ct);
        var rendered = await renderer.RenderAsync(template, values with { Recipient = new RecipientModel(to.DisplayName, to.Email!) });
        var queued = await MailOutbox.EnqueueAsync(db, clock, mail.BuildPlain(rendered, to.Email!), key, ticketId, ct);
        if (queued) signal.Pulse();
        return queued;
    }

    /// <summary>Enabled staff with an address, by id.</summary>
    public Task<List<NocUser>> StaffAsync(IReadOnlyCollection<int> userIds, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Privileged && !u.Disabled && u.Email != null && u.UserName != SystemUser.UserName)
            .ToListAsync(ct);
}
