using System.ComponentModel;

namespace NocBoard.Api.Tickets;

/// <summary>A ticket as the API shows it. <c>version</c> is also sent as the ETag.</summary>
public sealed record TicketView(
    int Id,
    [property: Description("The number this ticket is known by; differs from id only for a number merged into another ticket.")] int EffectiveId,
    int QueueId,
    string Queue,
    string Subject,
    string Status,
    [property: Description("The owner's user id; null is Nobody.")] int? OwnerId,
    string? Owner,
    int Priority,
    int InitialPriority,
    int FinalPriority,
    [property: Description("Minutes.")] int TimeEstimated,
    [property: Description("Minutes.")] int TimeWorked,
    [property: Description("Minutes.")] int TimeLeft,
    DateTimeOffset Created,
    int CreatorId,
    DateTimeOffset? Started,
    DateTimeOffset? Resolved,
    DateTimeOffset? Due,
    DateTimeOffset? Starts,
    DateTimeOffset? Told,
    DateTimeOffset LastUpdated,
    int LastUpdatedById,
    [property: Description("Bumped by every change; send it back as If-Match to refuse a write when someone else changed the ticket meanwhile.")] int Version,
    IReadOnlyList<WatcherView> Requestors,
    IReadOnlyList<WatcherView> Cc,
    IReadOnlyList<WatcherView> AdminCc,
    IReadOnlyList<CustomFieldValuesView> CustomFields);

/// <summary>A watcher: a user (id and name) or a bare email address.</summary>
public sealed record WatcherView(int? UserId, string? Name, string? Email);

public sealed record WatchersView(IReadOnlyList<WatcherView> Requestors, IReadOnlyList<WatcherView> Cc, IReadOnlyList<WatcherView> AdminCc);

public sealed record CustomFieldValuesView(int Id, string Name, string Type, IReadOnlyList<string> Values);

/// <summary>A search hit: the columns lists show.</summary>
public sealed record TicketSummary(int Id, string Subject, int QueueId, string Queue, string Status, int? OwnerId, string? Owner,
    int Priority, DateTimeOffset? Due, DateTimeOffset Created, DateTimeOffset LastUpdated, int Version);

public sealed record SearchPage(
    [property: Description("How many tickets match in all.")] int Total,
    int Page,
    int PageSize,
    int Pages,
    IReadOnlyList<TicketSummary> Tickets);

/// <summary>One history entry. Messages (create, correspond, comment) carry their parts.</summary>
public sealed record TransactionView(long Id, int TicketId, string Type, string? Field, string? OldValue, string? NewValue,
    int ActorId, string? Actor, DateTimeOffset Created, int TimeTaken, IReadOnlyList<AttachmentView> Attachments);

/// <summary>
/// A message part. The body of a message (no file name) is included as text; files are
/// downloaded from <c>/api/v1/attachments/{id}</c>.
/// </summary>
public sealed record AttachmentView(long Id, string? FileName, string ContentType, long Size, string? Subject, string? Content);

/// <summary>A link named from this ticket's side, e.g. DependsOn 43.</summary>
public sealed record LinkView(string Kind, int TicketId, string? Subject, string? Status);

public sealed record BulkResult(IReadOnlyList<int> Updated, IReadOnlyList<BulkRefusal> Refused);

public sealed record BulkRefusal(int TicketId, string Reason);
