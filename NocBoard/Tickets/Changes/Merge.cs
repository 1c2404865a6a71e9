using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;

namespace NocBoard.Tickets.Changes;

/// <summary>
/// Merges this ticket into another (RT/OTRS): the other keeps its number and gains this one's
/// history, watchers, links, custom field values it lacks, and time worked; this ticket's number
/// resolves to the other from now on. Needs ModifyTicket on both.
/// </summary>
public sealed record Merge(int IntoTicketId) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var source = ctx.Ticket;
        await ctx.RequireAsync(Right.ModifyTicket, "merge it", ct);
        var target = await ctx.LoadVisibleTicketAsync(IntoTicketId, ct);
        if (target.Id == source.Id)
            throw TicketChangeContext.Invalid($"Ticket #{source.Id} cannot be merged into itself.");
        await ctx.RequireAsync(Right.ModifyTicket, "merge tickets into it", ct, on: target);

        // Numbers that already pointed at the source now point at the target.
        var merged = await ctx.Db.Tickets.Where(t => t.EffectiveId == source.Id).ToListAsync(ct);
        foreach (var t in merged) t.EffectiveId = target.Id;

        foreach (var watcher in source.Watchers.ToList())
        {
            if (!target.Watchers.Any(w => w.Role == watcher.Role && w.UserId == watcher.UserId && w.Email == watcher.Email))
                target.Watchers.Add(new TicketWatcher { TicketId = target.Id, Role = watcher.Role, UserId = watcher.UserId, Email = watcher.Email });
        }

        var targetFields = target.CustomFieldValues.Select(v => v.CustomFieldId).ToHashSet();
        foreach (var value in source.CustomFieldValues.Where(v => !targetFields.Contains(v.CustomFieldId)))
            target.CustomFieldValues.Add(new TicketCustomFieldValue { TicketId = target.Id, CustomFieldId = value.CustomFieldId, Value = value.Value });

        await MoveLinksAsync(ctx, source.Id, target.Id, ct);
        ctx.Db.Links.Add(new TicketLink { Type = LinkType.MergedInto, BaseId = source.Id, TargetId = target.Id });

        target.TimeWorked += source.TimeWorked;
        target.Priority = Math.Max(target.Priority, source.Priority);
        if (source.Created < target.Created) target.Created = source.Created;

        if (source.Status != ctx.Lifecycle.OnMerge && ctx.Lifecycle.IsValid(ctx.Lifecycle.OnMerge))
            SetStatus.Apply(ctx, source, ctx.Lifecycle, ctx.Lifecycle.OnMerge);
        source.EffectiveId = target.Id;
        ctx.Record(TransactionType.Merge, "MergedInto", source.Id.ToString(), target.Id.ToString());
        ctx.Record(TransactionType.Merge, "MergedInto", source.Id.ToString(), target.Id.ToString(), on: target);
    }

    /// <summary>Re-points the source's links at the target, dropping ones that would duplicate or link the target to itself.</summary>
    private static async Task MoveLinksAsync(TicketChangeContext ctx, int sourceId, int targetId, CancellationToken ct)
    {
        var links = await ctx.Db.Links.Where(l => l.Type != LinkType.MergedInto && (l.BaseId == sourceId || l.TargetId == sourceId)).ToListAsync(ct);
        var existing = await ctx.Db.Links.Where(l => l.BaseId == targetId || l.TargetId == targetId)
            .Select(l => new { l.Type, l.BaseId, l.TargetId }).ToListAsync(ct);
        foreach (var link in links)
        {
            var baseId = link.BaseId == sourceId ? targetId : link.BaseId;
            var linkTarget = link.TargetId == sourceId ? targetId : link.TargetId;
            if (baseId == linkTarget || existing.Any(e => e.Type == link.Type && e.BaseId == baseId && e.TargetId == linkTarget))
            {
                ctx.Db.Links.Remove(link);
                continue;
            }
            link.BaseId = baseId;
            link.TargetId = linkTarget;
            existing.Add(new { link.Type, BaseId = baseId, TargetId = linkTarget });
        }
    }
}
