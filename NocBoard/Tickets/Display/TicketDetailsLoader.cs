using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Data;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tickets.Display;

/// <summary>Loads a <see cref="TicketDetails"/> for a viewer, or null when they may not see the ticket.</summary>
public sealed class TicketDetailsLoader(NocDbContext db, TicketReader reader, RightsService rights, CustomFieldDirectory customFields)
{
    public async Task<TicketDetails?> LoadAsync(int id, Actor viewer, CancellationToken ct = default)
    {
        var ticket = await reader.GetAsync(id, viewer, ct);
        if (ticket is null) return null;
        var history = await reader.HistoryAsync(ticket.Id, viewer, ct) ?? [];
        var links = await reader.LinksAsync(ticket.Id, viewer, ct) ?? [];
        var queue = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).SingleAsync(q => q.Id == ticket.QueueId, ct);

        var subject = await rights.SubjectAsync(viewer.Id, ct);
        var roles = await rights.RolesOnAsync(subject, ticket, ct);
        bool Has(string right) => subject.Has(right, ticket.QueueId, roles);
        var nextStatuses = queue.Lifecycle.NextStatuses(ticket.Status).Where(s =>
            Has(queue.Lifecycle.TransitionFor(ticket.Status, s)!.Right)).ToList();
        var can = new TicketAbilities(
            Has(Right.ModifyTicket), Has(Right.ReplyToTicket), Has(Right.CommentOnTicket), Has(Right.ShowTicketComments),
            Has(Right.OwnTicket), Has(Right.TakeTicket) || Has(Right.ModifyTicket), Has(Right.StealTicket),
            Has(Right.ReassignTicket) || Has(Right.ModifyTicket), Has(Right.ModifyCustomField), nextStatuses);

        var otherIds = links.Select(l => l.BaseId == ticket.Id ? l.TargetId : l.BaseId).OfType<int>().ToList();
        var visible = await reader.QueryAsync(viewer, ct);
        var others = await visible.Where(t => otherIds.Contains(t.Id)).Select(t => new { t.Id, t.Subject, t.Status })
            .ToDictionaryAsync(t => t.Id, ct);
        var linkRows = links.Where(l => l.Type != LinkType.MergedInto && l.TargetId is not null)
            .Select(l =>
            {
                var outgoing = l.BaseId == ticket.Id;
                var other = outgoing ? l.TargetId!.Value : l.BaseId;
                var kind = (l.Type, outgoing) switch
                {
                    (LinkType.DependsOn, true) => nameof(LinkKind.DependsOn),
                    (LinkType.DependsOn, false) => nameof(LinkKind.DependedOnBy),
                    (LinkType.RefersTo, true) => nameof(LinkKind.RefersTo),
                    (LinkType.RefersTo, false) => nameof(LinkKind.ReferredToBy),
                    (LinkType.MemberOf, true) => nameof(LinkKind.MemberOf),
                    _ => nameof(LinkKind.HasMember),
                };
                // A linked ticket the viewer may not see is shown by number only.
                var shown = others.GetValueOrDefault(other);
                return new LinkShown(kind, other, shown?.Subject, shown?.Status);
            })
            .OrderBy(l => l.Kind).ThenBy(l => l.OtherId).ToList();

        var pending = await PendingDependencies.ForAsync(db, ticket.Id, ct);
        var fields = await CustomFieldsAsync(ticket, ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.TicketId == ticket.Id).OrderBy(r => r.Completed != null).ThenBy(r => r.Due).ToListAsync(ct);

        var userIds = history.Select(t => t.ActorId)
            .Concat(ticket.Watchers.Select(w => w.UserId).OfType<int>())
            .Concat(reminders.Select(r => r.OwnerId))
            .Append(ticket.OwnerId ?? 0).Append(ticket.CreatorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.RealName }).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName ?? $"user #{u.Id}", ct);
        var bookmarked = await db.Bookmarks.AnyAsync(b => b.UserId == viewer.Id && b.TicketId == ticket.Id, ct);

        return new TicketDetails(ticket, queue, names, fields, linkRows, pending, reminders, history, can, bookmarked);
    }

    private async Task<List<CustomFieldShown>> CustomFieldsAsync(Ticket ticket, CancellationToken ct)
    {
        var fields = await customFields.ForQueueAsync(ticket.QueueId, ct);
        return fields.Select(f => new CustomFieldShown(f,
            ticket.CustomFieldValues.Where(v => v.CustomFieldId == f.Id).Select(v => v.Value).ToList())).ToList();
    }
}
