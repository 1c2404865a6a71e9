using Microsoft.Net.Http.Headers;
using NocBoard.Tickets;

namespace NocBoard.Api.Tickets;

/// <summary>
/// A ticket's ETag is its number and <see cref="Ticket.Version"/>, <c>"42.7"</c>. A write sent with
/// <c>If-Match</c> passes the version to the write path, which refuses it if the ticket moved on.
/// </summary>
public static class TicketETag
{
    public static string For(Ticket ticket) => For(ticket.Id, ticket.Version);

    public static string For(int id, int version) => $"\"{id}.{version}\"";

    public static void Set(HttpResponse response, Ticket ticket) => response.Headers.ETag = For(ticket);

    /// <summary>
    /// The version If-Match pins: null when there is no If-Match or it is <c>*</c>;
    /// <c>-1</c> (matches nothing) when it names no version of this ticket.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (header.Trim() == "*") return null;
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count != 1 || tags[0].IsWeak) return -1;
        var value = tags[0].Tag.Value!.Trim('"');
        var dot = value.LastIndexOf('.');
        return dot > 0 && int.TryParse(value[(dot + 1)..], out var version) ? version : -1;
    }
}
