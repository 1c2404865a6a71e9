namespace NocBoard.Api.RateLimits;

/// <summary>Settings under "RateLimits": requests allowed per window, per token and per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>API requests per window with one token.</summary>
    public int ApiPerToken { get; set; } = 600;

    /// <summary>API requests per window from one client address (any authentication).</summary>
    public int ApiPerAddress { get; set; } = 1200;

    /// <summary>Login form posts per window from one client address (Identity's lock-out also counts failures per account).</summary>
    public int LoginPerAddress { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
