using System.Text.RegularExpressions;

namespace NocBoard.Api.RtRest;

/// <summary>
/// <c>edit</c>: the <c>content</c> field holds one or more forms, each naming its object by <c>id</c>
/// (<c>ticket/new</c>, <c>ticket/42</c>, <c>ticket/1-3</c>, <c>ticket/42/links</c>). They are
/// handled in order and their result lines returned together; a form with a key that could not
/// be used makes the answer RT's <c>409 Syntax Error</c>, with the form echoed for correction.
/// </summary>
public sealed partial class RtEdit(RtTicketCreate create, RtTicketUpdate update, RtLinks links)
{
    [GeneratedRegex(@"^ticket/([0-9,\-]+|new)(/links)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TicketSpec();

    public async Task<RtResponse> EditAsync(RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var forms = RtFormText.Parse(request["content"]);
        if (forms.Count == 0) return RtResponse.BadRequest("# No objects specified.");
        return await AnswerAsync(forms, request, caller, ct);
    }

    /// <summary>
    /// A form posted to an object's own URL (<c>ticket/new</c>, <c>ticket/42</c>), as curl users
    /// create and edit: the URL names the object, so the form may leave <c>id</c> out, but it may
    /// not name another object, and only one form fits one object (RT: 400).
    /// </summary>
    public async Task<RtResponse> EditObjectAsync(string objectId, RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var forms = RtFormText.Parse(request["content"]);
        if (forms.Count == 0) return RtResponse.BadRequest("# No objects specified.");
        if (forms.Count > 1) return RtResponse.BadRequest($"# You may submit only one form to {objectId}.");
        var form = forms[0];
        if (form.Error is null)
        {
            var id = form.Get("id")?.Trim() ?? "";
            if (id.Length == 0)
            {
                form.Fields.RemoveAll(f => f.Key.Equals("id", StringComparison.OrdinalIgnoreCase));
                form.Fields.Insert(0, ("id", objectId));
            }
            else if (!id.Equals(objectId, StringComparison.OrdinalIgnoreCase))
                return RtResponse.BadRequest($"# The form's id '{id}' does not match the object in the URL, '{objectId}'.");
        }
        return await AnswerAsync(forms, request, caller, ct);
    }

    private async Task<RtResponse> AnswerAsync(IReadOnlyList<RtForm> forms, RtRequest request, RtCaller caller, CancellationToken ct)
    {
        var output = new List<RtForm>();
        var syntaxError = false;
        foreach (var form in forms)
        {
            var outcome = await EditOneAsync(form, request, caller, ct);
            syntaxError |= outcome.SyntaxError;
            var result = new RtForm();
            result.Comments.AddRange(outcome.Comments);
            if (outcome.SyntaxError && form.Error is null) result.Fields.AddRange(form.Fields);
            if (form.Error is not null) result.Error = form.Error;
            output.Add(result);
        }
        var body = RtFormText.Compose(output);
        return syntaxError ? RtResponse.SyntaxError(body) : RtResponse.Ok(body);
    }

    private async Task<RtOutcome> EditOneAsync(RtForm form, RtRequest request, RtCaller caller, CancellationToken ct)
    {
        if (form.Error is not null) return RtOutcome.Refused("Syntax error.");
        var id = form.Get("id")?.Trim() ?? "";
        var m = TicketSpec().Match(id);
        if (!m.Success) return RtOutcome.Refused(id.Length == 0 ? "A form needs an id field (e.g. id: ticket/42)." : $"Invalid object ID specified: '{id}'");
        if (m.Groups[1].Value.Equals("new", StringComparison.OrdinalIgnoreCase))
            return m.Groups[2].Success ? RtOutcome.Refused($"Invalid object ID specified: '{id}'") : await create.CreateAsync(form, request.Files, caller, ct);

        var ids = RtValues.ExpandIds(m.Groups[1].Value);
        if (ids is null) return RtOutcome.Refused($"Invalid object ID specified: '{id}'");
        var comments = new List<string>();
        var error = false;
        foreach (var number in ids)
        {
            if (m.Groups[2].Success)
            {
                var (ok, message) = await links.EditAsync(number, form, caller, ct);
                comments.Add(message);
                error |= !ok;
            }
            else
            {
                var outcome = await update.UpdateAsync(number, form, caller, ct);
                comments.AddRange(outcome.Comments);
                error |= outcome.SyntaxError;
            }
        }
        return new RtOutcome(comments, error);
    }
}
