using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Mail.Inbound;

namespace NocBoard.Mail.Commands;

/// <summary>
/// At start, before mail is taken in: carries on with the mail commands a stop left waiting in
/// receipts (the message committed, some of its commands not applied or their error mail not
/// queued), whether or not the message is ever read again. It acts as the account that recorded
/// the message, as the first run did. Each command still leaves its receipt in the commit that
/// applies it, so a reading of the same message racing this sweep applies none twice, and a
/// receipt the first run finished is not touched.
/// </summary>
public sealed class MailCommandStartupSweep(
    IServiceScopeFactory scopes,
    IOptions<InboundMailOptions> options,
    ILogger<MailCommandStartupSweep> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.CommandsEnabled) return;
        List<long> unfinished;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unfinished = await scope.ServiceProvider.GetRequiredService<NocDbContext>().Set<MailReceipt>().AsNoTracking()
                .Where(r => r.Outcome == MailOutcome.Ticket && r.TicketId != null
                            && ((r.PendingCommands != null && r.PendingCommands != "") || (r.CommandErrors != null && r.CommandErrors != "")))
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        }
        foreach (var receiptId in unfinished)
        {
            try
            {
                await ResumeAsync(receiptId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // NocBoard still starts: the commands stay pending for the next start or reading of the message.
                logger.LogError(e, "The pending mail commands of receipt #{Receipt} could not be resumed.", receiptId);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task ResumeAsync(long receiptId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NocDbContext>();
        var receipt = await db.Set<MailReceipt>().AsNoTracking().SingleAsync(r => r.Id == receiptId, ct);

        // The message's own transaction was written in the receipt's commit: same ticket, same instant.
        var recorded = await (
                from attachment in db.Attachments.AsNoTracking()
                join transaction in db.Transactions.AsNoTracking() on attachment.TransactionId equals transaction.Id
                where transaction.TicketId == receipt.TicketId && transaction.Created == receipt.Received && attachment.Headers != null
                orderby attachment.Id
                select new { transaction.ActorId, attachment.Headers })
            .FirstOrDefaultAsync(ct);
        if (recorded is null || HeadersOnly(recorded.Headers!) is not { } message)
        {
            logger.LogWarning("The pending mail commands of {MessageId} cannot be resumed: the message is not on ticket #{Ticket}.",
                receipt.MessageId, receipt.TicketId);
            return;
        }
        var sender = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == recorded.ActorId, ct);
        if (sender is null || sender.Disabled)
        {
            logger.LogWarning("The pending mail commands of {MessageId} cannot be resumed: their sender's account is gone or disabled.",
                receipt.MessageId);
            return;
        }
        logger.LogInformation("Resuming the mail commands of {MessageId} on ticket #{Ticket}, left pending by a stop.",
            receipt.MessageId, receipt.TicketId);
        await services.GetRequiredService<MailCommandRunner>().RunAsync(receipt.Id, Actor.For(sender), message, ct);
    }

    /// <summary>The stored header block as a message: enough for the error mail's recipient, subject and threading.</summary>
    private static MimeMessage? HeadersOnly(string headers)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(headers.TrimEnd() + "\r\n\r\n"));
        try
        {
            return MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
