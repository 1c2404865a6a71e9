using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.RtRest;

/// <summary><c>ticket/42/merge/43</c> (<c>rt merge 42 43</c>): merges 42 into 43 through the write path.</summary>
public sealed class RtMerge(TicketService tickets)
{
    public async Task<RtResponse> MergeAsync(int id, int into, RtCaller caller, CancellationToken ct)
    {
        var result = await tickets.ApplyAsync(id, new Merge(into), caller.Actor, ct: ct);
        if (result.Succeeded) return RtResponse.Comments("Merge completed.");
        return result.Error!.Kind switch
        {
            TicketErrorKind.Forbidden => RtResponse.PermissionDenied($"# {result.Error.Message}"),
            _ => RtResponse.Comments("Could not complete the merge.", result.Error.Message),
        };
    }
}
