using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Bench.Api;

/// <summary>
/// Fills a NocBoard database with tickets quickly and realistically: straight into the SQLite file
/// through <see cref="NocDbContext"/> (the app's own model, so its indexes and the full-text
/// triggers apply), each ticket with its Create transaction and a message body, spread over queues
/// and statuses as a NOC's would be.
/// </summary>
public static class TicketLoader
{
    public static readonly string[] Queues = ["Outages", "Changes", "Customers", "Monitoring"];
    public static readonly string[] Statuses = ["new", "open", "open", "stalled", "resolved", "resolved", "resolved", "resolved"];

    private static readonly string[] Sites = ["FRA-1", "FRA-2", "HAM-1", "MUC-3", "BER-2", "AMS-1", "LON-4", "PAR-2"];
    private static readonly string[] Faults = ["BGP session down", "fibre cut", "packet loss", "high latency", "PSU failure", "optic degraded", "DDoS", "link flapping"];

    public static NocDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<NocDbContext>().UseSqlite($"Data Source={databasePath};Pooling=false").Options);

    /// <summary>Adds the bench queues (if missing) and <paramref name="count"/> tickets; returns the time it took.</summary>
    public static async Task<TimeSpan> LoadAsync(string databasePath, int count, int ownerId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int[] queueIds;
        await using (var db = Open(databasePath))
        {
            var lifecycle = await db.Lifecycles.Where(l => l.Name == Lifecycle.DefaultName).Select(l => l.Id).SingleAsync(ct);
            foreach (var name in Queues.Where(n => !db.Queues.Any(q => q.Name == n)))
                db.Queues.Add(new Queue { Name = name, LifecycleId = lifecycle });
            await db.SaveChangesAsync(ct);
            queueIds = await db.Queues.Where(q => Queues.Contains(q.Name)).OrderBy(q => q.Name).Select(q => q.Id).ToArrayAsync(ct);
        }

        int firstId;
        long firstTransaction, firstAttachment;
        await using (var db = Open(databasePath))
        {
            firstId = (await db.Tickets.MaxAsync(t => (int?)t.Id, ct) ?? 0) + 1;
            firstTransaction = (await db.Transactions.MaxAsync(t => (long?)t.Id, ct) ?? 0) + 1;
            firstAttachment = (await db.Attachments.MaxAsync(t => (long?)t.Id, ct) ?? 0) + 1;
        }

        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        const int batch = 5000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = Open(databasePath);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                // Numbers chosen here, so each ticket, its transaction and its message go in one insert each.
                var id = firstId + i;
                var created = start.AddSeconds(i * 300.0 + random.Next(300));
                var status = Statuses[random.Next(Statuses.Length)];
                var ticket = new Ticket
                {
                    Id = id,
                    EffectiveId = id,
                    QueueId = queueIds[random.Next(queueIds.Length)],
                    Subject = $"{Faults[random.Next(Faults.Length)]} at {Sites[random.Next(Sites.Length)]} #{i}",
                    Status = status,
                    OwnerId = status == "new" ? null : ownerId,
                    Priority = random.Next(0, 100),
                    Created = created,
                    CreatorId = ownerId,
                    LastUpdated = created,
                    LastUpdatedById = ownerId,
                    Started = status == "new" ? null : created,
                    Resolved = status == "resolved" ? created.AddHours(2) : null,
                    Due = random.Next(4) == 0 ? created.AddDays(2) : null,
                    Version = 1,
                };
                db.Tickets.Add(ticket);
                // Each circuit word appears in about a hundred tickets, as a circuit's history of faults would.
                var body = Encoding.UTF8.GetBytes($"Customer reports {ticket.Subject}. Circuit cid{i % 1000:D4} affected; " +
                                                  $"traceroute shows loss after hop {random.Next(3, 12)}.");
                db.Transactions.Add(new TicketTransaction
                {
                    Id = firstTransaction + i,
                    TicketId = id,
                    Type = TransactionType.Create,
                    ActorId = ownerId,
                    Created = ticket.Created,
                    Attachments = [new Attachment { Id = firstAttachment + i, ContentType = "text/plain", Content = body, Size = body.Length }],
                });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return clock.Elapsed;
    }
}
