using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Queues;

namespace NocBoard.Tickets.Changes;

/// <summary>A ticket to create. Unset values come from the queue (priorities, due date) and its lifecycle (status).</summary>
public sealed record NewTicket
{
    /// <summary>Queue by id; or by <see cref="QueueName"/>.</summary>
    public int? QueueId { get; init; }
    public string? QueueName { get; init; }

    public required string Subject { get; init; }
    public string? Status { get; init; }
    public int? OwnerId { get; init; }
    public IReadOnlyList<WatcherRef> Requestors { get; init; } = [];
    public IReadOnlyList<WatcherRef> Cc { get; init; } = [];
    public IReadOnlyList<WatcherRef> AdminCc { get; init; } = [];
    public int? Priority { get; init; }
    public int? InitialPriority { get; init; }
    public int? FinalPriority { get; init; }
    public int TimeEstimated { get; init; }
    public int TimeWorked { get; init; }
    public int? TimeLeft { get; init; }
    public DateTimeOffset? Due { get; init; }
    public DateTimeOffset? Starts { get; init; }

    /// <summary>Custom field values by custom field id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> CustomFields { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The first message: the problem as reported.</summary>
    public TicketMessage? Content { get; init; }

    internal async Task CreateAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var queue = await FindQueueAsync(ctx, ct);
        var lifecycle = queue.Lifecycle;
        var rights = await ctx.Rights.SubjectAsync(ctx.Actor.Id, ct);
        if (!rights.Has(Right.CreateTicket, queue.Id))
            throw TicketChangeContext.Refuse(TicketErrorKind.Forbidden,
                $"You may not create tickets in queue '{queue.Name}': it needs the CreateTicket right.");

        var status = lifecycle.Canonical(Status ?? lifecycle.DefaultOnCreate);
        if (!lifecycle.IsValid(status))
            throw TicketChangeContext.Invalid($"'{Status}' is not a status of lifecycle '{lifecycle.Name}'; use one of: {string.Join(", ", lifecycle.Statuses.Select(s => s.Name))}.");
        if (lifecycle.IsInactive(status))
            throw TicketChangeContext.Invalid($"A ticket cannot be created as '{status}'; create it, then resolve it.");

        var fields = new TicketFields(ctx.Options);
        var initial = fields.Priority(InitialPriority ?? queue.InitialPriority, "InitialPriority");
        var ticket = new Ticket
        {
            QueueId = queue.Id,
            Subject = TicketFields.Subject(Subject),
            Status = status,
            InitialPriority = initial,
            Priority = fields.Priority(Priority ?? initial, "Priority"),
            FinalPriority = fields.Priority(FinalPriority ?? queue.FinalPriority, "FinalPriority"),
            TimeEstimated = TicketFields.Minutes(TimeEstimated, "TimeEstimated"),
            TimeWorked = TicketFields.Minutes(TimeWorked + (Content?.TimeTaken ?? 0), "TimeWorked"),
            TimeLeft = TicketFields.Minutes(TimeLeft ?? TimeEstimated, "TimeLeft"),
            Due = Due?.ToUniversalTime() ?? (queue.DefaultDueInDays is { } days ? ctx.Now.AddDays(days) : null),
            Starts = Starts?.ToUniversalTime(),
            Created = ctx.Now,
            CreatorId = ctx.Actor.Id,
            LastUpdated = ctx.Now,
            LastUpdatedById = ctx.Actor.Id,
            Started = lifecycle.GroupOf(status) == StatusGroup.Initial ? null : ctx.Now,
        };
        ctx.Db.Tickets.Add(ticket);
        await ctx.Db.SaveChangesAsync(ct);   // the number, for watchers and history
        ticket.EffectiveId = ticket.Id;
        ctx.Ticket = ticket;
        ctx.Queue = queue;

        if (OwnerId is { } ownerId)
        {
            if (ownerId != ctx.Actor.Id)
                await ctx.RequireAnyAsync([Right.ReassignTicket, Right.ModifyTicket], "create a ticket owned by someone else", ct);
            await SetOwner.RequireCanOwnAsync(ctx, ownerId, ct);
            ticket.OwnerId = ownerId;
        }

        foreach (var (role, refs) in new[] { (WatcherRole.Requestor, Requestors), (WatcherRole.Cc, Cc), (WatcherRole.AdminCc, AdminCc) })
        foreach (var watcher in refs)
        {
            var resolved = await watcher.ResolveAsync(ctx, ct);
            if (!ticket.Watchers.Any(w => w.Role == role && resolved.Matches(w)))
                ticket.Watchers.Add(new TicketWatcher { TicketId = ticket.Id, Role = role, UserId = resolved.UserId, Email = resolved.Email });
        }

        foreach (var (fieldId, values) in CustomFields)
        {
            var field = await SetCustomField.FindAppliedAsync(ctx, fieldId, ct);
            foreach (var value in SetCustomField.CheckValues(field, values))
                ticket.CustomFieldValues.Add(new TicketCustomFieldValue { TicketId = ticket.Id, CustomFieldId = field.Id, Value = value });
        }

        ctx.Record(TransactionType.Create, timeTaken: Content?.TimeTaken ?? 0,
            attachments: Content?.ToAttachments(ctx.Options));
    }

    private async Task<Queue> FindQueueAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        var queues = ctx.Db.Queues.Include(q => q.Lifecycle);
        var queue = QueueId is { } id
            ? await queues.SingleOrDefaultAsync(q => q.Id == id, ct)
            : QueueName is { } name
                ? await queues.SingleOrDefaultAsync(q => q.Name == name.Trim(), ct)
                  ?? (await queues.ToListAsync(ct)).SingleOrDefault(q => string.Equals(q.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                : throw TicketChangeContext.Invalid("A new ticket needs a queue.");
        if (queue is null || queue.Disabled)
            throw TicketChangeContext.Invalid($"There is no queue '{(object?)QueueId ?? QueueName}'.");
        return queue;
    }
}
