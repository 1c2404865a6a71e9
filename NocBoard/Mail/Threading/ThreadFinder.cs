using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Data;
using NocBoard.Site;

namespace NocBoard.Mail.Threading;

/// <summary>
/// Finds the ticket a received message belongs to: the subject tag first (RT's way), then
/// In-Reply-To/References against Message-IDs NocBoard sent or received. Merged tickets are
/// followed to the ticket they live on.
/// </summary>
public sealed class ThreadFinder(NocDbContext db, IOptions<SiteOptions> site)
{
    public async Task<ThreadMatch?> FindAsync(MimeMessage message, CancellationToken ct)
    {
        if (SubjectTag.Find(site.Value.Name, message.Subject) is { } tagged
            && await EffectiveAsync(tagged, ct) is { } byTag)
            return new ThreadMatch(byTag, "subject tag");

        var ids = message.References.Reverse().Prepend(message.InReplyTo)
            .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct().Take(50).ToList();
        if (ids.Count == 0) return null;
        var known = await db.Set<MailMessageRef>().AsNoTracking()
            .Where(r => ids.Contains(r.MessageId))
            .Select(r => new { r.MessageId, r.TicketId, r.Id })
            .ToListAsync(ct);
        // The nearest ancestor wins: In-Reply-To, then References from the newest back.
        foreach (var id in ids)
            if (known.Where(k => k.MessageId == id).OrderByDescending(k => k.Id).FirstOrDefault() is { } hit
                && await EffectiveAsync(hit.TicketId, ct) is { } ticket)
                return new ThreadMatch(ticket, "In-Reply-To/References");
        return null;
    }

    private async Task<int?> EffectiveAsync(int ticketId, CancellationToken ct) =>
        await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => (int?)t.EffectiveId).SingleOrDefaultAsync(ct);
}

/// <param name="TicketId">The effective ticket (after merges).</param>
/// <param name="How">What found it, for logs and the rule preview.</param>
public sealed record ThreadMatch(int TicketId, string How);
