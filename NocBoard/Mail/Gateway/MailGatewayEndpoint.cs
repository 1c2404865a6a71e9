using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NocBoard.Mail.Inbound;

namespace NocBoard.Mail.Gateway;

/// <summary>
/// RT's mail gateway, for the unmodified rt-mailgate: a multipart post of queue, action and the raw
/// message, answered with plain "ok" only after the ticket change (or quarantine entry) committed.
/// Anything else makes rt-mailgate exit 75 so the MTA keeps the mail and retries:
/// "temporary failure - ..." when NocBoard cannot store it now, HTTP 403 when the caller is not
/// allowed. NocBoard never answers "not ok" (which rt-mailgate reports as delivered): what it cannot
/// turn into a ticket is quarantined.
/// </summary>
public static class MailGatewayEndpoint
{
    public const string Path = "/REST/1.0/NoAuth/mail-gateway";
    public const string SecretHeader = "X-NocBoard-Gateway-Secret";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext http, CancellationToken ct) => HandleAsync(http, null, ct))
            .DisableAntiforgery().AllowAnonymous();
        // The secret in the path: rt-mailgate --url http://host:5080/mail-gateway/SECRET/
        app.MapPost("/mail-gateway/{secret}" + Path, (HttpContext http, string secret, CancellationToken ct) => HandleAsync(http, secret, ct))
            .DisableAntiforgery().AllowAnonymous();
    }

    /// <summary>rt-mailgate with a --url ending in "/" posts to "//REST/1.0/...": treat it as "/REST/1.0/...".</summary>
    public static IApplicationBuilder UseDoubleSlashForMailGateway(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.Contains("//REST/1.0/NoAuth/mail-gateway", StringComparison.Ordinal))
                context.Request.Path = path.Replace("//REST/1.0/NoAuth/mail-gateway", Path, StringComparison.Ordinal);
            return next(context);
        });

    private static async Task<IResult> HandleAsync(HttpContext http, string? pathSecret, CancellationToken ct)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<MailGatewayOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NocBoard.Mail.Gateway");

        if (Refusal(http, pathSecret, options) is { } refusal)
        {
            logger.LogWarning("Refused a mail gateway post from {Address}: {Reason}", http.Connection.RemoteIpAddress, refusal);
            return Results.Text($"not allowed - {refusal}\n", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }

        GatewayPost post;
        try
        {
            post = await ReadAsync(http.Request, ct);
        }
        catch (Exception bad) when (bad is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Temporary($"the request could not be read ({bad.Message})");
        }
        if (post.Message is null || post.Message.Length == 0)
            return Temporary("the request has no message field");

        try
        {
            var intake = services.GetRequiredService<MailIntake>();
            var result = await intake.TakeAsync(new MailIntakeRequest(post.Message, "gateway", post.Queue, post.Action), ct);
            logger.LogInformation("Mail gateway: {Outcome} {Detail}", result.Outcome, result.Detail);
            return Results.Text("ok\n", "text/plain; charset=utf-8");
        }
        catch (MailIntakeException wrong)
        {
            return Temporary(wrong.Message);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            logger.LogError(failed, "The mail gateway could not store a message; the MTA will retry.");
            return Temporary("the message could not be stored now");
        }
    }

    private static IResult Temporary(string reason) =>
        Results.Text($"temporary failure - {reason}\n", "text/plain; charset=utf-8");

    private static string? Refusal(HttpContext http, string? pathSecret, MailGatewayOptions options)
    {
        if (options.AllowedSourceList.Count > 0)
        {
            var remote = http.Connection.RemoteIpAddress;
            if (remote is null || !options.AllowedSourceList.Any(source => SourceMatches(source, remote)))
                return "this address may not post to the mail gateway";
        }
        if (!string.IsNullOrEmpty(options.Secret))
        {
            var given = pathSecret ?? http.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given ?? ""), Encoding.UTF8.GetBytes(options.Secret)))
                return "the gateway secret is missing or wrong";
        }
        return null;
    }

    internal static bool SourceMatches(string source, IPAddress remote)
    {
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return source.Contains('/')
            ? IPNetwork.TryParse(source.Trim(), out var network) && network.Contains(remote)
            : IPAddress.TryParse(source.Trim(), out var address) && address.Equals(remote);
    }

    private sealed record GatewayPost(byte[]? Message, string? Queue, string? Action);

    /// <summary>
    /// Reads the form by hand: rt-mailgate sends the message as a part without a file name, which
    /// ASP.NET's form reader would decode into a string, breaking 8-bit charsets such as Shift_JIS.
    /// </summary>
    private static async Task<GatewayPost> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ct);
            var text = form["message"].ToString();
            return new GatewayPost(text.Length == 0 ? null : Encoding.UTF8.GetBytes(text), Value(form["queue"]), Value(form["action"]));
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value
                       ?? throw new InvalidDataException("The multipart form has no boundary.");
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        byte[]? message = null;
        string? queue = null, action = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, ct);
            switch (name)
            {
                case "message": message = buffer.ToArray(); break;
                case "queue": queue = Encoding.UTF8.GetString(buffer.ToArray()).Trim(); break;
                case "action": action = Encoding.UTF8.GetString(buffer.ToArray()).Trim(); break;
            }
        }
        return new GatewayPost(message, queue, action);
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
}
