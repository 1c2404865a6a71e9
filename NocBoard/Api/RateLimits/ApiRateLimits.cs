using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NocBoard.Api.Json;
using NocBoard.Api.Tokens;

namespace NocBoard.Api.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter on the two doors scripts knock on: the API (per token and per client
/// address, both must allow a request) and the login form (per address, against password guessing).
/// Everything else is left alone. A refusal is 429 with Retry-After and a problem document.
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.ApiPerToken > 0 && o.ApiPerAddress > 0 && o.LoginPerAddress > 0, "RateLimits: every limit must be positive.")
            .Validate(o => o.Window > TimeSpan.Zero, "RateLimits:Window must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureLimiter>();
        return services;
    }

    private sealed class ConfigureLimiter(IOptions<RateLimitOptions> settings) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            var o = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : o.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"Slow down: try again in {seconds} s.");
            };
            if (!o.Enabled) return;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => ByAddress(http, o)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ByToken(http, o)));
        }
    }

    private static RateLimitPartition<string> ByAddress(HttpContext http, RateLimitOptions o)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (IsApi(http.Request)) return Window("api-ip:" + address, o.ApiPerAddress, o.Window);
        if (IsLoginPost(http.Request)) return Window("login-ip:" + address, o.LoginPerAddress, o.Window);
        return RateLimitPartition.GetNoLimiter("none");
    }

    /// <summary>Keyed by the token's hash, so the secret is not kept in memory as a key.</summary>
    private static RateLimitPartition<string> ByToken(HttpContext http, RateLimitOptions o) =>
        IsApi(http.Request) && AccessTokenHandler.BearerOf(http.Request) is { } secret
            ? Window("api-token:" + AccessTokens.HashOf(secret), o.ApiPerToken, o.Window)
            : RateLimitPartition.GetNoLimiter("none");

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static bool IsLoginPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);
}
