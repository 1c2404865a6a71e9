using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Mail.Commands;
using NocBoard.Mail.Quarantine;
using NocBoard.Mail.Rules;
using NocBoard.Mail.Threading;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Mail.Inbound;

/// <summary>A message to take in, and how it came.</summary>
/// <param name="Via">"gateway", "imap:noc-inbox", "pop3:alerts", "release".</param>
/// <param name="Releasing">The quarantine entry being retried, if any.</param>
public sealed record MailIntakeRequest(byte[] Raw, string Via, string? QueueName, string? Action, long? Releasing = null);

/// <summary>What became of a message. <see cref="Duplicate"/>: it had been taken in before, and nothing was done now.</summary>
public sealed record MailIntakeResult(MailOutcome Outcome, int? TicketId, long? QuarantineId, bool Duplicate, string Detail);

/// <summary>
/// The inbound pipeline, the same for the MTA gateway, IMAP/POP3 polling and quarantine release:
/// parse, de-duplicate, interceptors, rules, sender, threading, the ticket change (with its receipt
/// in the same commit, with the message's commands waiting in it), then the commands, each in its
/// own commit with its removal from the receipt. A message that cannot become a ticket change is
/// quarantined with the reason, never dropped silently. An exception means nothing was recorded:
/// the caller should leave the message where it is and try again later.
/// </summary>
public sealed class MailIntake(
    NocDbContext db,
    TicketService tickets,
    PendingReceipt pending,
    ThreadFinder threads,
    MailRuleEngine rules,
    SenderAccounts senders,
    QuarantineStore quarantine,
    MailIntakeAddresses addresses,
    MailCommandRunner commands,
    ActorLookup actors,
    Queues.QueueCatalog queueCatalog,
    IEnumerable<IInboundMailInterceptor> interceptors,
    IOptions<InboundMailOptions> options,
    IOptions<TicketOptions> ticketOptions,
    ILogger<MailIntake> logger)
{
    public async Task<MailIntakeResult> TakeAsync(MailIntakeRequest request, CancellationToken ct = default)
    {
        if (request.Raw.LongLength > options.Value.MaxMessageBytes)
            return await QuarantineRawAsync(request, $"The message is {request.Raw.LongLength} bytes; the limit is {options.Value.MaxMessageBytes}.", ct);

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(request.Raw, writable: false);
            message = await MimeMessage.LoadAsync(stream, ct);
        }
        catch (FormatException malformed)
        {
            return await QuarantineRawAsync(request, $"The message cannot be parsed: {malformed.Message}", ct);
        }

        var receipt = new MailReceipt
        {
            MessageId = Truncate(message.MessageId ?? "", 998),
            ContentHash = MailFingerprint.Hash(message),
            Via = Truncate(request.Via, 200),
        };
        if (request.Releasing is null && await PreviousAsync(receipt, ct) is { } previous)
            return await ResumeCommandsAsync(previous, receipt, message, request, ct);

        try
        {
            return await ProcessAsync(request, message, receipt, ct);
        }
        catch (DbUpdateException)
        {
            // The same message was being taken in at the same time (an MTA retry racing the first
            // attempt); the unique receipt let only one of them commit.
            db.ChangeTracker.Clear();
            if (await PreviousAsync(receipt, ct) is { } raced) return await ResumeCommandsAsync(raced, receipt, message, request, ct);
            throw;
        }
        finally
        {
            pending.Clear();
        }
    }

    /// <summary>A message taken in before: carry on with any of its commands a stop left pending.</summary>
    private async Task<MailIntakeResult> ResumeCommandsAsync(MailIntakeResult previous, MailReceipt receipt, MimeMessage message,
        MailIntakeRequest request, CancellationToken ct)
    {
        if (previous.Outcome == MailOutcome.Ticket && options.Value.CommandsEnabled)
            await commands.ResumeAsync(receipt, message, request.QueueName ?? Queues.Queue.DefaultName, ct);
        return previous;
    }

    private async Task<MailIntakeResult> ProcessAsync(MailIntakeRequest request, MimeMessage message, MailReceipt receipt, CancellationToken ct)
    {
        var action = MailActions.Parse(request.Action)
            ?? throw new MailIntakeException($"'{request.Action}' is not an action NocBoard knows (correspond or comment).");
        var inbound = new InboundMail(message, request.Via, request.QueueName, action);

        // Interceptors (monitoring) first: their writes through the ticket service carry the receipt.
        foreach (var interceptor in interceptors)
        {
            pending.Set(Copy(receipt, MailOutcome.Intercepted));
            if (!await interceptor.TryTakeAsync(inbound, ct)) continue;
            if (await PreviousAsync(receipt, ct) is null)
                await quarantine.AddReceiptAsync(Copy(receipt, MailOutcome.Intercepted), ct);
            return new MailIntakeResult(MailOutcome.Intercepted, null, null, false, $"taken by {interceptor.GetType().Name}");
        }
        pending.Clear();

        var decided = await rules.EvaluateAsync(message, ct);
        if (decided.Drop is { } drop)
        {
            await quarantine.AddReceiptAsync(Copy(receipt, MailOutcome.Dropped), ct);
            logger.LogInformation("Dropped mail {MessageId} by rule '{Rule}'.", message.MessageId, drop.Name);
            return new MailIntakeResult(MailOutcome.Dropped, null, null, false, $"dropped by rule '{drop.Name}'");
        }
        if (decided.Quarantine is { } held && request.Releasing is null)
            return await QuarantineAsync(request, message, receipt, $"Rule '{held.Name}' quarantines it.", ct);

        if (SenderAccounts.SenderOf(message) is not { } sender)
            return await QuarantineAsync(request, message, receipt, "The message has no sender address (From).", ct);

        var route = await addresses.RouteAsync(message, action, ct);
        var thread = await threads.FindAsync(message, ct);
        var queueName = decided.Queue ?? request.QueueName ?? route.QueueName ?? Queues.Queue.DefaultName;
        if (thread is null && !await QueueExistsAsync(queueName, ct))
            return await QuarantineAsync(request, message, receipt, $"There is no queue '{queueName}' to create the ticket in.", ct);

        var (actor, refusal) = await senders.ActorForAsync(sender, queueName, ct);
        if (actor is null)
            return await QuarantineAsync(request, message, receipt, refusal!, ct);

        var content = MailContent.ToTicketMessage(message, ticketOptions.Value.MaxAttachmentBytes);
        var commandLines = options.Value.CommandsEnabled ? MailCommand.Parse(message.TextBody) : [];

        var withCommands = Copy(receipt, MailOutcome.Ticket);
        withCommands.PendingCommands = MailCommand.Serialize(commandLines);
        pending.Set(withCommands);
        TicketChangeResult result;
        if (thread is not null)
        {
            TicketChange change = route.Action == MailActions.Comment ? new Comment(content) : new Correspond(content);
            result = await tickets.ApplyAsync(thread.TicketId, change, actor, ct: ct);
        }
        else
        {
            result = await tickets.CreateAsync(await NewTicketAsync(queueName, message, sender, content, decided, ct), actor, ct);
        }
        if (!result.Succeeded)
        {
            pending.Clear();
            var verb = thread is null ? $"create a ticket in queue '{queueName}'" : $"add to ticket #{thread.TicketId}";
            return await QuarantineAsync(request, message, receipt,
                $"{sender.Address} could not {verb}: {result.Error!.Message}", ct);
        }
        pending.Clear();
        var ticketId = result.Ticket!.Id;

        if (thread is null && decided.Owner is { } owner)
            await GiveByRuleAsync(ticketId, owner, ct);
        if (commandLines.Count > 0)
        {
            var receiptId = await db.Set<MailReceipt>().AsNoTracking()
                .Where(r => r.MessageId == receipt.MessageId && r.ContentHash == receipt.ContentHash).Select(r => r.Id).SingleAsync(ct);
            await commands.RunAsync(receiptId, actor, message, ct);
        }
        if (request.Releasing is { } released)
            await quarantine.MarkReleasedAsync(released, ticketId, ct);

        return new MailIntakeResult(MailOutcome.Ticket, ticketId, null, false,
            thread is null ? $"created ticket #{ticketId}" : $"added to ticket #{ticketId} (found by {thread.How})");
    }

    private async Task<NewTicket> NewTicketAsync(string queueName, MimeMessage message, MailboxAddress sender,
        TicketMessage content, RuleOutcome decided, CancellationToken ct)
    {
        var customFields = new Dictionary<int, IReadOnlyList<string>>();
        if (decided.CustomFields.Count > 0)
        {
            var fields = await db.CustomFields.AsNoTracking().Where(c => !c.Disabled).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            foreach (var (name, value) in decided.CustomFields)
                if (fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) is { } field)
                    customFields[field.Id] = [value];
        }
        return new NewTicket
        {
            QueueName = queueName,
            Subject = string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject,
            Requestors = [WatcherRef.Address(sender.Address)],
            Priority = decided.Priority,
            CustomFields = customFields,
            Content = content,
        };
    }

    /// <summary>A rule's owner is set by NocBoard itself: the sender need not have the right to assign tickets.</summary>
    private async Task GiveByRuleAsync(int ticketId, string owner, CancellationToken ct)
    {
        var ownerId = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == owner.ToUpperInvariant())
            .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (ownerId is null)
        {
            logger.LogWarning("A mail rule names owner '{Owner}', who does not exist; ticket #{Ticket} stays unowned.", owner, ticketId);
            return;
        }
        var result = await tickets.ApplyAsync(ticketId, new SetOwner(ownerId), await actors.SystemAsync(ct), ct: ct);
        if (!result.Succeeded)
            logger.LogWarning("A mail rule could not give ticket #{Ticket} to {Owner}: {Reason}", ticketId, owner, result.Error!.Message);
    }

    private async Task<bool> QueueExistsAsync(string name, CancellationToken ct)
    {
        var enabled = (await queueCatalog.AllAsync(db, ct)).Where(q => !q.Disabled).ToList();
        return enabled.Any(q => string.Equals(q.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
               || (int.TryParse(name, out var id) && enabled.Any(q => q.Id == id));
    }

    private async Task<MailIntakeResult?> PreviousAsync(MailReceipt receipt, CancellationToken ct)
    {
        var previous = await db.Set<MailReceipt>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.MessageId == receipt.MessageId && r.ContentHash == receipt.ContentHash, ct);
        return previous is null
            ? null
            : new MailIntakeResult(previous.Outcome, previous.TicketId, previous.QuarantineId, true, "already taken in");
    }

    private async Task<MailIntakeResult> QuarantineAsync(MailIntakeRequest request, MimeMessage message, MailReceipt receipt, string reason, CancellationToken ct)
    {
        var id = await quarantine.AddAsync(new QuarantinedMail
        {
            Via = Truncate(request.Via, 200),
            QueueName = request.QueueName,
            Action = MailActions.Parse(request.Action) ?? MailActions.Correspond,
            Reason = Truncate(reason, 2000),
            MessageId = message.MessageId,
            From = Truncate(message.From.ToString(), 500),
            Subject = Truncate(message.Subject ?? "", 1000),
            Raw = request.Raw,
        }, Copy(receipt, MailOutcome.Quarantined), request.Releasing, ct);
        return new MailIntakeResult(MailOutcome.Quarantined, null, id, false, reason);
    }

    private async Task<MailIntakeResult> QuarantineRawAsync(MailIntakeRequest request, string reason, CancellationToken ct)
    {
        var receipt = new MailReceipt { MessageId = "", ContentHash = MailFingerprint.Hash(request.Raw), Via = Truncate(request.Via, 200) };
        if (request.Releasing is null && await PreviousAsync(receipt, ct) is { } previous) return previous;
        var id = await quarantine.AddAsync(new QuarantinedMail
        {
            Via = Truncate(request.Via, 200),
            QueueName = request.QueueName,
            Action = MailActions.Parse(request.Action) ?? MailActions.Correspond,
            Reason = Truncate(reason, 2000),
            Raw = request.Raw,
        }, receipt, request.Releasing, ct);
        return new MailIntakeResult(MailOutcome.Quarantined, null, id, false, reason);
    }

    private static MailReceipt Copy(MailReceipt receipt, MailOutcome outcome) => new()
    {
        MessageId = receipt.MessageId, ContentHash = receipt.ContentHash, Via = receipt.Via, Outcome = outcome,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>The request itself is wrong (an unknown action): the MTA should hold the mail until it is fixed.</summary>
public sealed class MailIntakeException(string message) : Exception(message);
