using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Api.Tickets;

/// <summary>A new ticket. The queue is named by id or by name.</summary>
public sealed record NewTicketInput
{
    public int? QueueId { get; init; }
    public string? Queue { get; init; }
    [Required] public required string Subject { get; init; }
    [Description("A status of the queue's lifecycle; default: the lifecycle's initial status.")]
    public string? Status { get; init; }
    public int? OwnerId { get; init; }
    [Description("Each an email address, a user name, or a user id.")]
    public IReadOnlyList<string>? Requestors { get; init; }
    public IReadOnlyList<string>? Cc { get; init; }
    public IReadOnlyList<string>? AdminCc { get; init; }
    public int? Priority { get; init; }
    public int? InitialPriority { get; init; }
    public int? FinalPriority { get; init; }
    [Description("Minutes.")] public int? TimeEstimated { get; init; }
    [Description("Minutes.")] public int? TimeWorked { get; init; }
    [Description("Minutes.")] public int? TimeLeft { get; init; }
    public DateTimeOffset? Due { get; init; }
    public DateTimeOffset? Starts { get; init; }
    [Description("Custom field values by custom field id.")]
    public IReadOnlyDictionary<int, IReadOnlyList<string>>? CustomFields { get; init; }
    [Description("The first message: the problem as reported.")]
    public string? Content { get; init; }
    [Description("text/plain (default), text/markdown or text/html.")]
    public string? ContentType { get; init; }
}

/// <summary>
/// Changes to a ticket, all committed together or none. Absent fields are left alone. Dates take
/// ISO 8601; an empty string clears a date.
/// </summary>
public sealed record TicketUpdateInput
{
    public string? Subject { get; init; }
    public string? Status { get; init; }
    [Description("Move to another queue.")] public int? QueueId { get; init; }
    [Description("Give, take or steal; to make the ticket unowned use PUT /owner with null.")] public int? OwnerId { get; init; }
    public int? Priority { get; init; }
    public int? InitialPriority { get; init; }
    public int? FinalPriority { get; init; }
    [Description("Minutes.")] public int? TimeEstimated { get; init; }
    [Description("Minutes.")] public int? TimeLeft { get; init; }
    public string? Due { get; init; }
    public string? Starts { get; init; }
    [Description("Replace custom field values, by custom field id; an empty list clears one.")]
    public IReadOnlyDictionary<int, IReadOnlyList<string>>? CustomFields { get; init; }
}

public sealed record StatusInput([property: Required] string Status,
    [property: Description("Resolve despite open dependencies (needs ForceResolve).")] bool Force = false);

public sealed record OwnerInput([property: Description("The new owner's user id; null for Nobody.")] int? OwnerId);

public sealed record QueueMoveInput(int QueueId);

public sealed record PriorityInput(int Priority);

/// <summary>A reply or comment. As multipart/form-data the same fields are form fields, and files are parts named "attachment".</summary>
public sealed record MessageInput
{
    [Required] public required string Content { get; init; }
    [Description("text/plain (default), text/markdown or text/html.")] public string? ContentType { get; init; }
    public string? Subject { get; init; }
    [Description("Minutes spent; added to the time worked.")] public int? TimeTaken { get; init; }
}

public sealed record LinkInput(
    [property: JsonConverter(typeof(JsonStringEnumConverter<LinkKind>))] LinkKind Kind,
    [property: Description("The other ticket's number.")] int Ticket);

public sealed record WatcherInput(
    [property: JsonConverter(typeof(JsonStringEnumConverter<WatcherRole>))] WatcherRole Role,
    [property: Description("An email address, a user name, or a user id.")] string Watcher);

public sealed record CustomFieldInput(IReadOnlyList<string> Values);

public sealed record TimeWorkedInput([property: Description("Minutes; negative corrects an earlier entry.")] int Minutes);

public sealed record MergeInput([property: Description("The ticket to merge this one into.")] int Into);

/// <summary>The same changes for many tickets, chosen by number or by a TicketSQL query (at most 500).</summary>
public sealed record BulkInput
{
    public IReadOnlyList<int>? Tickets { get; init; }
    public string? Query { get; init; }
    public string? Status { get; init; }
    public int? OwnerId { get; init; }
    [Description("Make the tickets unowned.")] public bool Nobody { get; init; }
    public int? QueueId { get; init; }
    public int? Priority { get; init; }
    public string? Comment { get; init; }
}
