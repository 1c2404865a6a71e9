using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Automation.Templates;
using NocBoard.Automation.Webhooks;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// The actions whose effect leaves NocBoard (notifications, autoreplies, webhooks): each is
/// queued in the outbox together with the mark that the scrip ran, in one commit, so a retried run
/// finds the mark and queues nothing again.
/// </summary>
public sealed class ScripMailActions(
    NocDbContext db,
    ScripMessage messages,
    Recipients recipients,
    NotificationMail mail,
    WriteGate gate,
    TimeProvider clock,
    IOptions<AutomationOptions> options,
    OutboxSignal signal,
    ActorCache actors)
{
    public static bool Handles(ScripAction action) =>
        action is <= ScripAction.AutoreplyToRequestors or ScripAction.CallWebhook;

    public async Task RunAsync(Scrip scrip, Ticket ticket, Queue queue, TicketTransaction transaction, CancellationToken ct)
    {
        var key = $"scrip:{scrip.Id}:txn:{transaction.Id}";
        if (scrip.Action == ScripAction.CallWebhook)
        {
            var payload = await WebhookPayload.BuildAsync(scrip, ticket, queue, transaction, messages, ct);
            await QueueOnceAsync(scrip, transaction, () => Task.FromResult<OutboxMessage?>(new OutboxMessage
            {
                Kind = WebhookCaller.Kind,
                Payload = payload,
                IdempotencyKey = key,
                TicketId = ticket.Id,
                TransactionId = transaction.Id,
                Created = clock.GetUtcNow(),
                AvailableAt = clock.GetUtcNow(),
            }), ct);
            return;
        }

        var to = scrip.Action == ScripAction.AutoreplyToRequestors && await FromMachineAsync(transaction, ct)
            ? []
            : await RecipientsAsync(scrip, ticket, transaction, ct);
        if (to.Count == 0)
        {
            await QueueOnceAsync(scrip, transaction, () => Task.FromResult<OutboxMessage?>(null), ct);
            return;
        }
        var rendered = await messages.RenderAsync(scrip, ticket, queue.Name, transaction, string.Join(", ", to), ct);
        var message = mail.Build(queue, ticket.Id, rendered, to,
            asComment: scrip.Action == ScripAction.NotifyAdminCcsAsComment,
            autoreply: scrip.Action == ScripAction.AutoreplyToRequestors);
        await QueueOnceAsync(scrip, transaction, () =>
        {
            // Not queued before: the key is checked below, in the same database transaction.
            MailOutbox.Add(db, clock, message, key, ticket.Id);
            return Task.FromResult<OutboxMessage?>(null);
        }, ct, key);
    }

    /// <summary>
    /// An autoreply never answers mail written by a machine (auto-replies, bounces, lists, our own
    /// mail coming back), as RT does, so that two robots cannot answer each other forever.
    /// </summary>
    private async Task<bool> FromMachineAsync(TicketTransaction transaction, CancellationToken ct)
    {
        var headers = await db.Attachments.AsNoTracking()
            .Where(a => a.TransactionId == transaction.Id && a.Headers != null)
            .OrderBy(a => a.Id).Select(a => a.Headers).FirstOrDefaultAsync(ct);
        return headers is not null && NocBoard.Mail.Inbound.MachineMail.Why(headers) is not null;
    }

    private async Task<List<string>> RecipientsAsync(Scrip scrip, Ticket ticket, TicketTransaction transaction, CancellationToken ct)
    {
        var to = scrip.Action switch
        {
            ScripAction.NotifyRequestors or ScripAction.AutoreplyToRequestors => await recipients.OfRoleAsync(ticket, WatcherRole.Requestor, ct),
            ScripAction.NotifyOwner => await recipients.OwnerAsync(ticket, ct),
            ScripAction.NotifyCcs => await recipients.OfRoleAsync(ticket, WatcherRole.Cc, ct),
            ScripAction.NotifyAdminCcs or ScripAction.NotifyAdminCcsAsComment => await recipients.OfRoleAsync(ticket, WatcherRole.AdminCc, ct),
            ScripAction.NotifyRequestorsAndCcs =>
                [.. await recipients.OfRoleAsync(ticket, WatcherRole.Requestor, ct), .. await recipients.OfRoleAsync(ticket, WatcherRole.Cc, ct)],
            ScripAction.NotifyOwnerAndAdminCcs =>
                [.. await recipients.OwnerAsync(ticket, ct), .. await recipients.OfRoleAsync(ticket, WatcherRole.AdminCc, ct)],
            ScripAction.NotifyOtherRecipients => (scrip.ActionArgument ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).ToList(),
            ScripAction.NotifyGroup => await recipients.GroupAsync((scrip.ActionArgument ?? "").Trim(), ct),
            _ => throw new InvalidOperationException($"{scrip.Action} is not a mail action."),
        };
        to = Recipients.Distinct(to);
        // RT's NotifyActor: people do not get mail about what they just did (an autoreply is the exception: it confirms receipt).
        if (!options.Value.NotifyActor && scrip.Action != ScripAction.AutoreplyToRequestors)
        {
            var actorEmail = (await actors.ByIdAsync(db, transaction.ActorId, ct))?.Actor.Email;
            if (actorEmail is not null) to.RemoveAll(e => string.Equals(e, actorEmail, StringComparison.OrdinalIgnoreCase));
        }
        return to;
    }

    /// <param name="key">The outbox key <paramref name="queue"/> adds under, when it adds the row itself.</param>
    private async Task QueueOnceAsync(Scrip scrip, TicketTransaction transaction, Func<Task<OutboxMessage?>> queue, CancellationToken ct,
        string? key = null)
    {
        await using (await gate.EnterAsync(ct))
        {
            await using var dbTransaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.ScripRuns().AnyAsync(r => r.ScripId == scrip.Id && r.TransactionId == transaction.Id, ct)) return;
            if (key is null || !await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct))
            {
                if (await queue() is { } message && !await db.Outbox.AnyAsync(m => m.IdempotencyKey == message.IdempotencyKey, ct))
                    db.Outbox.Add(message);
            }
            db.ScripRuns().Add(new ScripRun { ScripId = scrip.Id, TransactionId = transaction.Id, Ran = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await dbTransaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        signal.Pulse();
    }
}
