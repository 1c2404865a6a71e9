using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NocBoard.Api.Json;

/// <summary>
/// Reads request bodies strictly, so a script's mistake is named instead of silently ignored:
/// malformed JSON, a field the endpoint does not know, or a value of the wrong type each answer
/// 400 with the JSON path of the field at fault.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Problem(415, "Unsupported media type", "Send the body as JSON with 'Content-Type: application/json'.", "Content-Type"));
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.Problem(413, "Request too large", e.Message));
        }
        var bytes = buffer.ToArray();

        // Syntax first, so malformed JSON is reported as such and not as a type error.
        try
        {
            using var _ = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest("Malformed JSON",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", Field(e.Path)));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options);
            return value is null
                ? (null, ApiProblems.BadRequest("Missing body", "The body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException e) when (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = UnknownMember(e.Message);
            return (null, ApiProblems.BadRequest("Unknown field",
                $"'{name}' is not a field of this request. See /openapi/v1.json for the fields it takes.", JoinPath(e.Path, name)));
        }
        catch (JsonException e) when (e.Message.Contains("missing required properties", StringComparison.Ordinal)
                                       || e.Message.Contains("missing required", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.BadRequest("Missing field", FirstSentence(e.Message), Field(e.Path)));
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            return (null, ApiProblems.BadRequest("Wrong type",
                field is null ? FirstSentence(e.Message) : $"The value of '{field}' has the wrong type or form: {FirstSentence(e.Message)}", field));
        }
    }

    /// <summary>"$.customFields[0].values" → "customFields[0].values"; the root → null.</summary>
    private static string? Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The reported path already ends at the unknown member, or stops at its parent object.</summary>
    private static string JoinPath(string? path, string name) => Field(path) switch
    {
        null => name,
        var f when f == name || f.EndsWith("." + name, StringComparison.Ordinal) => f,
        var parent => $"{parent}.{name}",
    };

    private static string UnknownMember(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : "?";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
