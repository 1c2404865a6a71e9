using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Outbox;
using NocBoard.Queues;

namespace NocBoard.Tickets;

/// <summary>
/// What a <see cref="TicketChange"/> works with inside the single write path: the tracked ticket
/// and its queue, the actor, rights, the clock, and the means to record history and queue side
/// effects. Everything it touches commits together or not at all.
/// </summary>
public sealed class TicketChangeContext
{
    private readonly List<TicketTransaction> recorded = [];
    private readonly HashSet<Ticket> touched = [];
    private readonly List<(OutboxMessage Message, TicketTransaction? Transaction, Ticket? Ticket)> pendingOutbox = [];

    internal TicketChangeContext(NocDbContext db, RightsService rights, Actor actor, DateTimeOffset now, TicketOptions options)
    {
        Db = db;
        Rights = rights;
        Actor = actor;
        Now = now;
        Options = options;
    }

    public NocDbContext Db { get; }
    public RightsService Rights { get; }
    public Actor Actor { get; }
    public DateTimeOffset Now { get; }
    public TicketOptions Options { get; }

    /// <summary>The ticket being changed (after creation, the new ticket).</summary>
    public Ticket Ticket { get; internal set; } = null!;
    public Queue Queue { get; internal set; } = null!;
    public Lifecycle Lifecycle => Queue.Lifecycle;

    public IReadOnlyList<TicketTransaction> Recorded => recorded;

    /// <summary>Every ticket this change modified (the ticket itself, merge or link targets...).</summary>
    public IReadOnlyCollection<Ticket> Touched => touched;

    public static TicketRefusedException Refuse(TicketErrorKind kind, string message) => new(kind, message);

    public static TicketRefusedException Invalid(string message) => new(TicketErrorKind.Invalid, message);

    /// <summary>Refuses unless the actor holds <paramref name="right"/> on the ticket (directly, by group or by role).</summary>
    public async Task RequireAsync(string right, string doing, CancellationToken ct, Ticket? on = null)
    {
        if (!await HasAsync(right, ct, on))
            throw Forbidden(right, doing, on);
    }

    /// <summary>Refuses unless the actor holds at least one of the rights.</summary>
    public async Task RequireAnyAsync(string[] rights, string doing, CancellationToken ct, Ticket? on = null)
    {
        foreach (var right in rights)
            if (await HasAsync(right, ct, on)) return;
        throw Forbidden(string.Join(" or ", rights), doing, on);
    }

    public Task<bool> HasAsync(string right, CancellationToken ct, Ticket? on = null) =>
        Rights.HasOnTicketAsync(Actor.Id, right, on ?? Ticket, ct);

    private TicketRefusedException Forbidden(string right, string doing, Ticket? on) =>
        Refuse(TicketErrorKind.Forbidden, $"You may not {doing} on ticket #{(on ?? Ticket).Id}: it needs the {right} right.");

    /// <summary>
    /// Loads another ticket the change involves (link or merge target), following merges, as the
    /// actor may see it. A missing ticket and one the actor may not see get the same answer, so
    /// that refusals do not reveal which tickets exist.
    /// </summary>
    public async Task<Ticket> LoadVisibleTicketAsync(int id, CancellationToken ct)
    {
        var ticket = await TicketLoading.LoadEffectiveAsync(Db, id, ct);
        if (ticket is null || !await Rights.HasOnTicketAsync(Actor.Id, Right.ShowTicket, ticket, ct))
            throw Refuse(TicketErrorKind.NotFound, $"There is no ticket #{id}.");
        return ticket;
    }

    /// <summary>Appends a history entry to <paramref name="on"/> (default: this ticket) and marks it updated.</summary>
    public TicketTransaction Record(TransactionType type, string? field = null, string? oldValue = null, string? newValue = null,
        int timeTaken = 0, List<Attachment>? attachments = null, Ticket? on = null)
    {
        var ticket = on ?? Ticket;
        var transaction = new TicketTransaction
        {
            TicketId = ticket.Id,
            Type = type,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            ActorId = Actor.Id,
            Created = Now,
            TimeTaken = timeTaken,
            Attachments = attachments ?? [],
        };
        Db.Transactions.Add(transaction);
        recorded.Add(transaction);
        Touch(ticket);
        return transaction;
    }

    /// <summary>Marks a ticket modified so that its version and LastUpdated move and it is published.</summary>
    public void Touch(Ticket ticket) => touched.Add(ticket);

    /// <summary>
    /// Queues a side effect to be carried out after commit (see <see cref="OutboxMessage"/>). It is
    /// written in the same commit as the change; the transaction's id is filled in once known.
    /// </summary>
    public void Enqueue(string kind, string payload, string idempotencyKey, TicketTransaction? transaction = null)
    {
        pendingOutbox.Add((new OutboxMessage
        {
            Kind = kind,
            Payload = payload,
            IdempotencyKey = idempotencyKey,
            Created = Now,
            AvailableAt = Now,
        }, transaction ?? recorded.LastOrDefault(), Ticket));
    }

    /// <summary>Adds queued side effects to the database, now that transactions have their ids.</summary>
    internal int FlushOutbox()
    {
        var count = pendingOutbox.Count;
        foreach (var (message, transaction, ticket) in pendingOutbox)
        {
            message.TransactionId = transaction?.Id;
            message.TicketId = transaction?.TicketId ?? ticket?.Id;
            Db.Outbox.Add(message);
        }
        pendingOutbox.Clear();
        return count;
    }

    /// <summary>Users the change names must exist and be enabled.</summary>
    public async Task<NocUser> LoadUserAsync(int userId, CancellationToken ct) =>
        await Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) is { Disabled: false } user
            ? user
            : throw Invalid($"There is no enabled user #{userId}.");
}
