using NocBoard.Accounts;
using System.Security.Cryptography;
using System.Text;

namespace NocBoard.Monitoring;

/// <summary>What happens to an alert ticket when its check recovers.</summary>
public enum RecoveryAction
{
    /// <summary>Resolve the ticket, with the outage duration recorded.</summary>
    Resolve,
    /// <summary>Record the recovery and the outage duration, and leave the ticket for a person.</summary>
    Comment,
}

/// <summary>
/// A monitoring system that sends alerts (nagios, zabbix, alertmanager, cacti...): how to
/// authenticate its webhook calls, where its tickets go and how its recoveries and returns are handled.
/// </summary>
public class AlertSource
{
    public int Id { get; set; }

    /// <summary>Lower-case name, as in the generic webhook's "source" and in mail rules.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the webhook token (hex); null: no webhook calls are accepted for this source.</summary>
    public string? TokenHash { get; set; }

    /// <summary>The queue tickets go to when no mapping names another.</summary>
    public string QueueName { get; set; } = Queues.Queue.DefaultName;

    public RecoveryAction OnRecovery { get; set; } = RecoveryAction.Resolve;

    /// <summary>A problem that returns within this many minutes of its ticket being resolved reopens it; later, a new ticket refers to the old one.</summary>
    public int ReopenWindowMinutes { get; set; } = 60;

    /// <summary>
    /// NocBoard's own flap detection: this many state changes (problem ⇄ ok) of one key within
    /// <see cref="FlapWindowMinutes"/> mark its ticket flapping; 0 turns it off (a source's own
    /// FLAPPINGSTART still counts).
    /// </summary>
    public int FlapChanges { get; set; } = 5;

    /// <summary>The window flap detection counts changes in; flapping settles after this long without a change.</summary>
    public int FlapWindowMinutes { get; set; } = 30;

    public bool Disabled { get; set; }

    public List<AlertMapping> Mappings { get; set; } = [];

    public TimeSpan ReopenWindow => TimeSpan.FromMinutes(ReopenWindowMinutes);

    public FlapDetection Flap => new(FlapChanges, TimeSpan.FromMinutes(FlapWindowMinutes));

    public static string HashToken(string token) => SecretTokens.Hash(token);

    /// <summary>Compares in constant time, so that response times do not reveal the hash.</summary>
    public bool Accepts(string? token) =>
        TokenHash is not null && !string.IsNullOrWhiteSpace(token)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashToken(token)), Encoding.ASCII.GetBytes(TokenHash));

    public static string NewToken() => SecretTokens.New();
}
