using Microsoft.Extensions.Options;
using NocBoard.Site;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// Links in RT's terms: <c>show ticket/42/links</c>, the links form sent to <c>edit</c> (each key the
/// complete new list), and <c>ticket/link</c> (what <c>rt link [-d] 42 dependson 43</c> posts).
/// All changes go through the write path as <see cref="AddLink"/>/<see cref="RemoveLink"/>.
/// </summary>
public sealed class RtLinks(TicketReader reader, TicketService tickets, IOptions<SiteOptions> site)
{
    /// <summary>RT's key for each kind; RT's form says Members where <c>rt link</c> says HasMember.</summary>
    private static readonly (string Key, LinkKind Kind)[] Keys =
    [
        ("DependsOn", LinkKind.DependsOn), ("DependedOnBy", LinkKind.DependedOnBy), ("RefersTo", LinkKind.RefersTo),
        ("ReferredToBy", LinkKind.ReferredToBy), ("Members", LinkKind.HasMember), ("MemberOf", LinkKind.MemberOf),
    ];

    public async Task<RtForm> ShowAsync(int id, string? format, RtCaller caller, CancellationToken ct)
    {
        var current = await CurrentAsync(id, caller, ct);
        if (current is null) return new RtForm().Comment($"Ticket {id} does not exist.");
        var form = new RtForm().Add("id", $"ticket/{id}/links");
        foreach (var (key, kind) in Keys)
        {
            var others = current[kind];
            if (!others.Any() && format != "l") continue;
            form.AddList(key, others.Select(o => RtValues.TicketUri(site.Value.Organization, o)));
        }
        return form;
    }

    /// <summary>Applies a links form: every listed key becomes exactly the given list.</summary>
    public async Task<(bool Ok, string Message)> EditAsync(int id, RtForm form, RtCaller caller, CancellationToken ct)
    {
        var current = await CurrentAsync(id, caller, ct);
        if (current is null) return (false, $"Ticket {id} does not exist.");
        var changes = new List<TicketChange>();
        foreach (var (key, values) in form.Grouped())
        {
            if (key.Equals("id", StringComparison.OrdinalIgnoreCase)) continue;
            var match = Keys.Where(k => k.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || (k.Kind == LinkKind.HasMember && key.Equals("HasMember", StringComparison.OrdinalIgnoreCase))).ToList();
            if (match.Count == 0) return (false, $"{key}: Unknown field.");
            var kind = match[0].Kind;
            var wanted = new List<int>();
            foreach (var item in RtFormText.SplitList(values))
                wanted.Add(RtValues.TicketNumber(item) ?? -1);
            if (wanted.Contains(-1)) return (false, $"{key}: only local tickets (a number or ticket URI) can be linked.");
            changes.AddRange(wanted.Except(current[kind]).Select(t => (TicketChange)new AddLink(kind, t)));
            changes.AddRange(current[kind].Except(wanted).Select(t => (TicketChange)new RemoveLink(kind, t)));
        }
        if (changes.Count == 0) return (true, $"Links for ticket {id} updated.");
        var result = await tickets.ApplyAsync(id, changes, caller.Actor, ct: ct);
        return result.Succeeded ? (true, $"Links for ticket {id} updated.") : (false, result.Error!.Message);
    }

    /// <summary><c>ticket/link</c>: <c>id</c>, <c>rel</c>, <c>to</c>, <c>del</c>.</summary>
    public async Task<RtResponse> LinkAsync(RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var rel = request["rel"] ?? "";
        var kind = rel.ToLowerInvariant() switch
        {
            "dependson" => LinkKind.DependsOn,
            "dependedonby" => LinkKind.DependedOnBy,
            "refersto" => LinkKind.RefersTo,
            "referredtoby" => LinkKind.ReferredToBy,
            "hasmember" or "members" => LinkKind.HasMember,
            "memberof" => LinkKind.MemberOf,
            _ => (LinkKind?)null,
        };
        if (kind is null) return RtResponse.BadRequest($"Invalid link: '{rel}'.");
        if (!int.TryParse(request["id"], out var from) || from <= 0)
            return RtResponse.BadRequest($"Invalid ticket id: '{request["id"]}'.");
        if (RtValues.TicketNumber(request["to"] ?? "") is not { } to)
            return RtResponse.BadRequest($"Invalid link target: '{request["to"]}' (only local tickets can be linked).");
        var delete = request["del"] is "1" or "true";

        TicketChange change = delete ? new RemoveLink(kind.Value, to) : new AddLink(kind.Value, to);
        var result = await tickets.ApplyAsync(from, change, caller.Actor, ct: ct);
        if (!result.Succeeded)
            return result.Error!.Kind == TicketErrorKind.NotFound
                ? RtResponse.TicketNotFound(result.Error.Message)
                : RtResponse.Error(result.Error.Message);
        var name = kind == LinkKind.HasMember ? "HasMember" : kind.Value.ToString();
        return RtResponse.Ok(delete
            ? $"Ticket {from} no longer {Phrase(kind.Value)} Ticket {to}. Deleted link {from} {name} {to}"
            : $"Ticket {from} {Phrase(kind.Value)} Ticket {to}. Created link {from} {name} {to}");
    }

    private static string Phrase(LinkKind kind) => kind switch
    {
        LinkKind.DependsOn => "depends on",
        LinkKind.DependedOnBy => "is depended on by",
        LinkKind.RefersTo => "refers to",
        LinkKind.ReferredToBy => "is referred to by",
        LinkKind.HasMember => "has member",
        _ => "is a member of",
    };

    /// <summary>The other ticket numbers per kind, named from this ticket's side; null when it may not be seen.</summary>
    private async Task<ILookup<LinkKind, int>?> CurrentAsync(int id, RtCaller caller, CancellationToken ct)
    {
        var ticket = await reader.GetAsync(id, caller.Actor, ct);
        if (ticket is null) return null;
        var rows = await reader.LinksAsync(ticket.Id, caller.Actor, ct) ?? [];
        return rows.Where(l => l.Type != LinkType.MergedInto && l.TargetId is not null)
            .Select(l => l.BaseId == ticket.Id
                ? (Kind: l.Type switch { LinkType.DependsOn => LinkKind.DependsOn, LinkType.RefersTo => LinkKind.RefersTo, _ => LinkKind.MemberOf }, Other: l.TargetId!.Value)
                : (Kind: l.Type switch { LinkType.DependsOn => LinkKind.DependedOnBy, LinkType.RefersTo => LinkKind.ReferredToBy, _ => LinkKind.HasMember }, Other: l.BaseId))
            .OrderBy(x => x.Other)
            .ToLookup(x => x.Kind, x => x.Other);
    }
}
