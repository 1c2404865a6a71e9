using System.Text;

namespace NocBoard.Api.RtRest;

/// <summary>
/// What a REST 1.0 handler answers: RT's status line (<c>RT/4.4.6 200 Ok</c>) and a text body. It
/// always travels as HTTP 200: the rt client treats any other HTTP status as fatal and reads the
/// real outcome from the status line.
/// </summary>
public sealed record RtResponse(int Code, string Message, string Body)
{
    /// <summary>Bytes sent as they are after the status line (an attachment's content), instead of <see cref="Body"/>.</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>The HTTP content type of a raw body that is not text; null: RT's usual text/plain.</summary>
    public string? RawContentType { get; init; }

    /// <summary>The version in the status line; the client needs a character after the first digit.</summary>
    public const string Version = "4.4.6";

    public static RtResponse Ok(string body) => new(200, "Ok", body);

    /// <summary>Result lines as RT writes them: <c># Ticket 42 created.</c></summary>
    public static RtResponse Comments(params string[] lines) => Ok(CommentText(lines));

    /// <summary>An attachment's bytes; RT ends them with a newline, which the client removes again for non-text content.</summary>
    public static RtResponse Raw(byte[] content, string? contentType) => new(200, "Ok", "") { RawBody = content, RawContentType = contentType };

    public static RtResponse BadRequest(string body) => new(400, "Bad Request", body);
    public static RtResponse CredentialsRequired(string body = "") => new(401, "Credentials required", body);
    public static RtResponse PermissionDenied(string body) => new(403, "Permission denied", body);
    public static RtResponse TicketNotFound(string body) => new(404, "Ticket not found", body);
    public static RtResponse SyntaxError(string body) => new(409, "Syntax Error", body);
    public static RtResponse Error(string body) => new(500, "Error", body);

    public static string CommentText(IEnumerable<string> lines) =>
        string.Concat(lines.Select(l => "# " + l.ReplaceLineEndings(" ") + "\n"));

    public byte[] ToBytes()
    {
        if (RawBody is null) return Encoding.UTF8.GetBytes(ToText());
        var head = Encoding.UTF8.GetBytes($"RT/{Version} {Code} {Message}\n\n");
        return [.. head, .. RawBody, (byte)'\n'];
    }

    /// <summary>The body as sent: status line, blank line, content; RT adds a newline after non-empty content.</summary>
    public string ToText()
    {
        var text = new StringBuilder($"RT/{Version} {Code} {Message}\n\n");
        if (Body.Length > 0)
        {
            text.Append(Body);
            if (!Body.EndsWith('\n')) text.Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }
}
