using Microsoft.Extensions.Primitives;

namespace NocBoard.Api.RtRest;

/// <summary>
/// The fields of a REST 1.0 request: query parameters and form fields (multipart or urlencoded)
/// together, as RT reads them, plus uploaded files (<c>attachment_1</c>, ...).
/// </summary>
public sealed class RtRequest
{
    private readonly Dictionary<string, StringValues> fields;

    private RtRequest(Dictionary<string, StringValues> fields, IFormFileCollection files)
    {
        this.fields = fields;
        Files = files;
    }

    public IFormFileCollection Files { get; }

    public static async Task<RtRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query) fields[key] = value;
        IFormFileCollection files = new FormFileCollection();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
                fields[key] = fields.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : value;
            files = form.Files;
        }
        return new RtRequest(fields, files);
    }

    public string? this[string key] => fields.TryGetValue(key, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> All(string key) =>
        fields.TryGetValue(key, out var v) ? v.Where(s => s is not null).Select(s => s!).ToList() : [];
}
