using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>ticket/42/comment</c>, for <c>rt comment</c> and <c>rt correspond</c> alike: the form's
/// <c>Action</c> says which. The message (with its files and time worked) and an optional
/// <c>Status</c> are one change through the write path.
/// </summary>
public sealed class RtComment(TicketService tickets)
{
    public async Task<RtResponse> CommentAsync(int id, RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var forms = RtFormText.Parse(request["content"]);
        if (forms.Count != 1 || forms[0].Error is not null)
            return RtResponse.BadRequest(forms.Count == 0 ? "# No comment form submitted." : "# Send exactly one form, without syntax errors.");
        var form = forms[0];
        var action = (form.Get("Action") ?? "").Trim().ToLowerInvariant();
        if (action is not ("comment" or "correspond"))
            return RtResponse.BadRequest($"# Invalid action: '{form.Get("Action")}' (comment or correspond).");
        if (!RtValues.TryParseMinutes(form.Get("TimeWorked"), out var minutes))
            return RtResponse.BadRequest($"# TimeWorked: '{form.Get("TimeWorked")}' is not a number of minutes.");

        TicketMessage? message;
        try
        {
            message = await RtMessage.ReadAsync(form, request.Files, minutes, ct);
        }
        catch (RtFieldException e)
        {
            return RtResponse.BadRequest($"# {e.Message}");
        }
        if (message is null) return RtResponse.BadRequest("# Empty comment with no attachments submitted.");

        var changes = new List<TicketChange> { action == "comment" ? new Comment(message) : new Correspond(message) };
        if (form.Get("Status") is { Length: > 0 } status) changes.Add(new SetStatus(status.Trim()));
        var result = await tickets.ApplyAsync(id, changes, caller.Actor, ct: ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind switch
            {
                TicketErrorKind.NotFound => RtResponse.TicketNotFound($"# Ticket {id} does not exist."),
                TicketErrorKind.Forbidden => RtResponse.PermissionDenied($"# {result.Error.Message}"),
                _ => RtResponse.BadRequest($"# {result.Error.Message}"),
            };
        }
        var done = action == "comment" ? "Comments added" : "Correspondence added";
        return changes.Count > 1 ? RtResponse.Comments(done, $"Status changed to {result.Ticket!.Status}") : RtResponse.Comments(done);
    }
}
