using System.Text.RegularExpressions;
using NocBoard.Tickets;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>show</c>: the objects named by one or more <c>id</c> fields (<c>ticket/42</c>, <c>ticket/1-3</c>,
/// <c>ticket/new</c>, <c>ticket/42/history</c>, <c>ticket/42/links</c>, <c>ticket/42/attachments[/7[/content]]</c>, <c>user/root</c>, <c>queue/General</c>).
/// Like RT, something missing or hidden is a comment in a 200 answer, and the forms of all ids
/// are returned together.
/// </summary>
public sealed partial class RtShow(TicketReader reader, RtTicketForms ticketForms, RtTicketTemplate template,
    RtHistory history, RtLinks links, RtObjects objects, RtAttachments attachments)
{
    [GeneratedRegex(@"^(ticket|user|queue)/([^/]+)(?:/(.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectSpec();

    [GeneratedRegex(@"^ticket/(\d+)/attachments/([^/]+)/content$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentContent();

    public async Task<RtResponse> ShowAsync(IReadOnlyList<string> ids, string? format, IReadOnlyList<string> fieldList, RtCaller caller, CancellationToken ct)
    {
        if (ids.Count == 0) return RtResponse.BadRequest("# No objects specified.");
        var fields = new List<string>();
        foreach (var name in fieldList.SelectMany(f => f.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (RtTicketForms.Canonical(name) is not { } canonical)
                return RtResponse.BadRequest($"# Invalid field specification: {string.Join(",", fieldList)}");
            fields.Add(canonical);
        }

        // An attachment's bytes are the whole answer, as in RT (the client asks for one at a time).
        if (ids.Count == 1 && AttachmentContent().Match(ids[0].Trim()) is { Success: true } content)
            return await attachments.ContentAsync(int.Parse(content.Groups[1].Value), content.Groups[2].Value, caller, ct);

        var forms = new List<RtForm>();
        foreach (var id in ids)
        {
            var m = ObjectSpec().Match(id.Trim());
            if (!m.Success) return RtResponse.BadRequest($"# Invalid object ID specified: '{id}'");
            var (type, name, rest) = (m.Groups[1].Value.ToLowerInvariant(), m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value : "");
            switch (type)
            {
                case "user": forms.Add(await objects.UserAsync(name, caller, ct)); break;
                case "queue": forms.Add(await objects.QueueAsync(name, caller, ct)); break;
                case "ticket" when name.Equals("new", StringComparison.OrdinalIgnoreCase): forms.Add(await template.FormAsync(caller, ct)); break;
                default:
                    var numbers = RtValues.ExpandIds(name);
                    if (numbers is null) return RtResponse.BadRequest($"# Invalid object ID specified: '{id}'");
                    foreach (var number in numbers)
                        forms.AddRange(await TicketPartAsync(number, rest, format, fields, caller, ct));
                    break;
            }
        }
        return RtResponse.Ok(RtFormText.Compose(forms));
    }

    private async Task<IReadOnlyList<RtForm>> TicketPartAsync(int id, string rest, string? format, IReadOnlyList<string> fields,
        RtCaller caller, CancellationToken ct)
    {
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0].Equals("history", StringComparison.OrdinalIgnoreCase))
            return await history.ShowAsync(id, parts[1..], format, caller, ct);
        if (parts.Length > 0 && parts[0].Equals("links", StringComparison.OrdinalIgnoreCase))
            return [await links.ShowAsync(id, format, caller, ct)];
        if (parts.Length > 0 && parts[0].Equals("attachments", StringComparison.OrdinalIgnoreCase))
            return [await attachments.ShowAsync(id, parts[1..], caller, ct)];
        if (parts.Length > 0 && !parts[0].Equals("show", StringComparison.OrdinalIgnoreCase))
            return [new RtForm().Comment($"Unsupported object: ticket/{id}/{rest}")];

        var ticket = await reader.GetAsync(id, caller.Actor, ct);
        if (ticket is null) return [new RtForm().Comment($"Ticket {id} does not exist.")];
        return await ticketForms.FormsAsync([ticket], caller, fields, ct);
    }
}
