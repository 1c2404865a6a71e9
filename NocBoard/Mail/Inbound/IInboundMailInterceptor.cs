using MimeKit;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// Gets the first look at every inbound message (after duplicates are dropped, before threading and
/// rules), whichever way it arrived. Monitoring uses it to turn alert mails into alert tickets. An
/// interceptor that takes a message does its own writes through the ticket service; the mail
/// pipeline then records the message as handled.
/// </summary>
public interface IInboundMailInterceptor
{
    /// <summary>True when it took the message, so that no ordinary ticket change is made from it.</summary>
    Task<bool> TryTakeAsync(InboundMail mail, CancellationToken ct);
}

/// <summary>A received message and how it came in.</summary>
/// <param name="Via">Where it came from, e.g. "gateway" or "imap:noc-inbox".</param>
/// <param name="QueueName">The queue the mailbox or gateway call names, if any.</param>
/// <param name="Action">"correspond" or "comment", as the mailbox or gateway call says.</param>
public sealed record InboundMail(MimeMessage Message, string Via, string? QueueName, string Action);
