using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>The link names people use, in both directions (RT's names).</summary>
public enum LinkKind { DependsOn, DependedOnBy, RefersTo, ReferredToBy, MemberOf, HasMember }

/// <summary>
/// Links this ticket to another by number. Needs ModifyTicket here and ShowTicket on the other
/// ticket. Both tickets record the link in their history. Dependency and parent/child cycles are
/// refused, since a cycle of dependencies could never be resolved.
/// </summary>
public sealed record AddLink(LinkKind Kind, int TargetId) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyTicket, "add links", ct);
        var other = await ctx.LoadVisibleTicketAsync(TargetId, ct);
        var ticket = ctx.Ticket;
        if (other.Id == ticket.Id)
            throw TicketChangeContext.Invalid($"Ticket #{ticket.Id} cannot be linked to itself.");

        var (type, baseId, targetId) = LinkDirection.Stored(Kind, ticket.Id, other.Id);
        if (await ctx.Db.Links.AnyAsync(l => l.Type == type && l.BaseId == baseId && l.TargetId == targetId, ct)) return;
        if (type is LinkType.DependsOn or LinkType.MemberOf && await LinkDirection.ReachesAsync(ctx, type, targetId, baseId, ct))
            throw TicketChangeContext.Invalid(
                $"Linking #{baseId} {type} #{targetId} would make a cycle: #{targetId} already {type} #{baseId}, directly or through other tickets.");

        ctx.Db.Links.Add(new TicketLink { Type = type, BaseId = baseId, TargetId = targetId });
        ctx.Record(TransactionType.AddLink, Kind.ToString(), null, other.Id.ToString());
        ctx.Record(TransactionType.AddLink, LinkDirection.Reverse(Kind).ToString(), null, ticket.Id.ToString(), on: other);
    }
}

public sealed record RemoveLink(LinkKind Kind, int TargetId) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyTicket, "remove links", ct);
        var other = await ctx.LoadVisibleTicketAsync(TargetId, ct);
        var ticket = ctx.Ticket;
        var (type, baseId, targetId) = LinkDirection.Stored(Kind, ticket.Id, other.Id);
        var link = await ctx.Db.Links.FirstOrDefaultAsync(l => l.Type == type && l.BaseId == baseId && l.TargetId == targetId, ct)
            ?? throw TicketChangeContext.Invalid($"Ticket #{ticket.Id} has no link {Kind} #{other.Id}.");
        ctx.Db.Links.Remove(link);
        ctx.Record(TransactionType.DeleteLink, Kind.ToString(), other.Id.ToString(), null);
        ctx.Record(TransactionType.DeleteLink, LinkDirection.Reverse(Kind).ToString(), ticket.Id.ToString(), null, on: other);
    }
}

internal static class LinkDirection
{
    /// <summary>The stored row for a link named from <paramref name="self"/>'s side.</summary>
    public static (LinkType Type, int BaseId, int TargetId) Stored(LinkKind kind, int self, int other) => kind switch
    {
        LinkKind.DependsOn => (LinkType.DependsOn, self, other),
        LinkKind.DependedOnBy => (LinkType.DependsOn, other, self),
        LinkKind.RefersTo => (LinkType.RefersTo, self, other),
        LinkKind.ReferredToBy => (LinkType.RefersTo, other, self),
        LinkKind.MemberOf => (LinkType.MemberOf, self, other),
        LinkKind.HasMember => (LinkType.MemberOf, other, self),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static LinkKind Reverse(LinkKind kind) => kind switch
    {
        LinkKind.DependsOn => LinkKind.DependedOnBy,
        LinkKind.DependedOnBy => LinkKind.DependsOn,
        LinkKind.RefersTo => LinkKind.ReferredToBy,
        LinkKind.ReferredToBy => LinkKind.RefersTo,
        LinkKind.MemberOf => LinkKind.HasMember,
        _ => LinkKind.MemberOf,
    };

    /// <summary>Whether <paramref name="from"/> already reaches <paramref name="to"/> through links of this type.</summary>
    public static async Task<bool> ReachesAsync(TicketChangeContext ctx, LinkType type, int from, int to, CancellationToken ct)
    {
        var seen = new HashSet<int> { from };
        var frontier = new List<int> { from };
        while (frontier.Count > 0)
        {
            var next = await ctx.Db.Links.Where(l => l.Type == type && frontier.Contains(l.BaseId) && l.TargetId != null)
                .Select(l => l.TargetId!.Value).ToListAsync(ct);
            if (next.Contains(to)) return true;
            frontier = next.Where(seen.Add).ToList();
        }
        return false;
    }
}
