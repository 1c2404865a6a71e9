namespace NocBoard.Outbox;

/// <summary>Settings under "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often pending messages are looked for when no commit wakes the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many failed attempts a message is marked failed and left for an administrator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a claimed message is held before another dispatcher may take it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
