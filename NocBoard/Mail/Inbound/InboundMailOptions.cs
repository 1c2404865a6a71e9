namespace NocBoard.Mail.Inbound;

/// <summary>Settings under "Mail:Inbound": how received mail becomes tickets.</summary>
public sealed class InboundMailOptions
{
    public const string Section = "Mail:Inbound";

    /// <summary>An unknown sender becomes an unprivileged user (requestor) automatically, as RT does.</summary>
    public bool CreateUnknownSenders { get; set; } = true;

    /// <summary>Queues (names, separated by commas) where unknown senders are not created: their mail is quarantined instead.</summary>
    public string QueuesRefusingUnknownSenders { get; set; } = "";

    public bool RefusesUnknownSenders(string queueName) =>
        !CreateUnknownSenders
        || QueuesRefusingUnknownSenders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(queueName.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A message larger than this, in bytes, is quarantined unread (50 MiB).</summary>
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long one rule's regular expression may run on one message before it counts as not matching.</summary>
    public TimeSpan RuleMatchTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Lines such as "Status: resolved" at the top of a body are applied as commands.</summary>
    public bool CommandsEnabled { get; set; } = true;

    /// <summary>Where error replies about commands come from (default: the queue's correspond address).</summary>
    public string ErrorsFrom { get; set; } = "";
}
