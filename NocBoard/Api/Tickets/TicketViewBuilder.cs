using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.Tickets;

/// <summary>Turns tickets the caller may see into API views: names for ids, custom fields the caller may see.</summary>
public sealed class TicketViewBuilder(NocDbContext db, RightsService rights, ActorCache actors, QueueCatalog queues)
{
    public async Task<TicketView> ViewAsync(Ticket ticket, Actor viewer, CancellationToken ct)
    {
        var userIds = ticket.Watchers.Select(w => w.UserId).OfType<int>().Append(ticket.OwnerId ?? 0).Distinct().ToList();
        var names = await NamesAsync(userIds, ct);
        var queue = (await queues.ByIdAsync(db, ticket.QueueId, ct))?.Name
                    ?? throw new InvalidOperationException($"There is no queue #{ticket.QueueId}.");
        var watchers = Watchers(ticket, names);
        return new TicketView(ticket.Id, ticket.EffectiveId, ticket.QueueId, queue, ticket.Subject, ticket.Status,
            ticket.OwnerId, ticket.OwnerId is { } o ? names.GetValueOrDefault(o) : null,
            ticket.Priority, ticket.InitialPriority, ticket.FinalPriority, ticket.TimeEstimated, ticket.TimeWorked, ticket.TimeLeft,
            ticket.Created, ticket.CreatorId, ticket.Started, ticket.Resolved, ticket.Due, ticket.Starts, ticket.Told,
            ticket.LastUpdated, ticket.LastUpdatedById, ticket.Version,
            watchers.Requestors, watchers.Cc, watchers.AdminCc, await CustomFieldsAsync(ticket, viewer, ct));
    }

    public async Task<WatchersView> WatchersAsync(Ticket ticket, CancellationToken ct) =>
        Watchers(ticket, await NamesAsync(ticket.Watchers.Select(w => w.UserId).OfType<int>().Distinct().ToList(), ct));

    /// <summary>The custom fields of the ticket's queue the viewer may see (SeeCustomField), with their values.</summary>
    public async Task<IReadOnlyList<CustomFieldValuesView>> CustomFieldsAsync(Ticket ticket, Actor viewer, CancellationToken ct)
    {
        if (!await rights.HasOnTicketAsync(viewer.Id, Right.SeeCustomField, ticket, ct)) return [];
        var queueId = ticket.QueueId;
        var fields = await db.CustomFields.AsNoTracking()
            .Where(f => !f.Disabled && (f.AppliesGlobally || db.QueueCustomFields.Any(q => q.CustomFieldId == f.Id && q.QueueId == queueId)))
            .OrderBy(f => f.Name).ToListAsync(ct);
        return fields.Select(f => new CustomFieldValuesView(f.Id, f.Name, f.Type.ToString(),
            ticket.CustomFieldValues.Where(v => v.CustomFieldId == f.Id).Select(v => v.Value).ToList())).ToList();
    }

    public async Task<IReadOnlyList<TicketSummary>> SummariesAsync(IReadOnlyList<Ticket> tickets, CancellationToken ct)
    {
        var queueIds = tickets.Select(t => t.QueueId).Distinct().ToList();
        var queues = await db.Queues.AsNoTracking().Where(q => queueIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Name, ct);
        var names = await NamesAsync(tickets.Select(t => t.OwnerId).OfType<int>().Distinct().ToList(), ct);
        return tickets.Select(t => new TicketSummary(t.Id, t.Subject, t.QueueId, queues.GetValueOrDefault(t.QueueId, ""), t.Status,
            t.OwnerId, t.OwnerId is { } o ? names.GetValueOrDefault(o) : null, t.Priority, t.Due, t.Created, t.LastUpdated, t.Version)).ToList();
    }

    public async Task<IReadOnlyList<TransactionView>> HistoryAsync(IReadOnlyList<TicketTransaction> history, CancellationToken ct)
    {
        var names = await NamesAsync(history.Select(t => t.ActorId).Distinct().ToList(), ct);
        return history.Select(t => new TransactionView(t.Id, t.TicketId, t.Type.ToString(), t.Field, t.OldValue, t.NewValue,
            t.ActorId, names.GetValueOrDefault(t.ActorId), t.Created, t.TimeTaken,
            t.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Subject,
                a.IsBody ? System.Text.Encoding.UTF8.GetString(a.Content) : null)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<LinkView>> LinksAsync(Ticket ticket, IReadOnlyList<TicketLink> links, IQueryable<Ticket> visible, CancellationToken ct)
    {
        var rows = links.Where(l => l.Type != LinkType.MergedInto && l.TargetId is not null).Select(l =>
        {
            var outgoing = l.BaseId == ticket.Id;
            var kind = (l.Type, outgoing) switch
            {
                (LinkType.DependsOn, true) => LinkKind.DependsOn,
                (LinkType.DependsOn, false) => LinkKind.DependedOnBy,
                (LinkType.RefersTo, true) => LinkKind.RefersTo,
                (LinkType.RefersTo, false) => LinkKind.ReferredToBy,
                (LinkType.MemberOf, true) => LinkKind.MemberOf,
                _ => LinkKind.HasMember,
            };
            return (Kind: kind, Other: outgoing ? l.TargetId!.Value : l.BaseId);
        }).ToList();
        var ids = rows.Select(r => r.Other).ToList();
        // A linked ticket the caller may not see is listed by number only.
        var others = await visible.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Subject, t.Status }).ToDictionaryAsync(t => t.Id, ct);
        return rows.OrderBy(r => r.Kind.ToString()).ThenBy(r => r.Other)
            .Select(r => new LinkView(r.Kind.ToString(), r.Other, others.GetValueOrDefault(r.Other)?.Subject, others.GetValueOrDefault(r.Other)?.Status))
            .ToList();
    }

    private static WatchersView Watchers(Ticket ticket, IReadOnlyDictionary<int, string> names)
    {
        IReadOnlyList<WatcherView> Of(WatcherRole role) => ticket.Watchers.Where(w => w.Role == role).OrderBy(w => w.Id)
            .Select(w => new WatcherView(w.UserId, w.UserId is { } id ? names.GetValueOrDefault(id) : null, w.Email)).ToList();
        return new WatchersView(Of(WatcherRole.Requestor), Of(WatcherRole.Cc), Of(WatcherRole.AdminCc));
    }

    // A ticket names a few people, the same ones again and again: those come from the actor cache.
    // Lists of many (search pages, histories) are read in one query, as before.
    private async Task<Dictionary<int, string>> NamesAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count > 4)
            return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.UserName ?? $"user #{u.Id}", ct);
        var names = new Dictionary<int, string>();
        foreach (var id in ids.Where(id => id > 0))
            if (await actors.ByIdAsync(db, id, ct) is { } kept)
                names[id] = kept.Actor.Name;
        return names;
    }
}
