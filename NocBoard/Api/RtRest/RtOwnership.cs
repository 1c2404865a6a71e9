using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>ticket/42/take</c> with <c>Action: take|steal|untake</c> (<c>rt take|steal|untake 42</c>), with
/// RT's rules on top of <see cref="SetOwner"/>'s rights: take only an unowned ticket, steal only
/// one owned by someone else, untake only one's own.
/// </summary>
public sealed class RtOwnership(TicketReader reader, TicketService tickets, RtPeople people)
{
    public async Task<RtResponse> TakeAsync(int id, RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var form = RtFormText.Parse(request["content"]).FirstOrDefault();
        var action = (form?.Get("Action") ?? "take").Trim().ToLowerInvariant();
        var ticket = await reader.GetAsync(id, caller.Actor, ct);
        if (ticket is null) return RtResponse.TicketNotFound($"# Ticket {id} does not exist.");
        var me = caller.Actor.Id;
        string? refusal = action switch
        {
            "take" when ticket.OwnerId is not null && ticket.OwnerId != me => "You can only take tickets that are unowned",
            "steal" when ticket.OwnerId is null || ticket.OwnerId == me => "You can only steal a ticket owned by someone else",
            "untake" when ticket.OwnerId != me => "You can only untake tickets you own",
            "take" or "steal" or "untake" => null,
            _ => $"Invalid action: '{action}' (take, steal or untake).",
        };
        if (refusal is not null) return RtResponse.BadRequest($"# {refusal}");

        var before = await OwnerNameAsync(ticket.OwnerId, ct);
        var result = await tickets.ApplyAsync(ticket.Id, new SetOwner(action == "untake" ? null : me), caller.Actor, ct: ct);
        if (!result.Succeeded)
            return result.Error!.Kind == TicketErrorKind.Forbidden
                ? RtResponse.PermissionDenied($"# {result.Error.Message}")
                : RtResponse.BadRequest($"# {result.Error.Message}");
        var after = action == "untake" ? RtPeople.Nobody : caller.Actor.Name;
        return RtResponse.Comments($"Owner changed from {before} to {after}");
    }

    private async Task<string> OwnerNameAsync(int? ownerId, CancellationToken ct) =>
        ownerId is { } id && (await people.NamesAsync([id], ct)).TryGetValue(id, out var n) ? n.Name : RtPeople.Nobody;
}
