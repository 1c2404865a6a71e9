using NocBoard.Tickets;

namespace NocBoard.Admin.Queues;

/// <summary>A queue's settings as an administrator edits them.</summary>
public sealed class QueueForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? CorrespondAddress { get; set; }
    public string? CommentAddress { get; set; }
    public int LifecycleId { get; set; }
    public int? DefaultDueInDays { get; set; }
    public int InitialPriority { get; set; }
    public int FinalPriority { get; set; }
}

public sealed record QueueSummary(int Id, string Name, string? Description, string Lifecycle, bool Disabled);

public sealed record QueueDetails(
    int Id,
    string Name,
    QueueForm Form,
    bool Disabled,
    IReadOnlyList<QueueWatcherView> Watchers,
    IReadOnlyList<int> CustomFieldIds);

/// <summary>A queue watcher as listed: <see cref="Kind"/> is "user", "group" or "email".</summary>
public sealed record QueueWatcherView(int Id, WatcherRole Role, string Kind, string Name);

/// <summary>Who to add as a queue's Cc or AdminCc: exactly one of a user, a group, or an address.</summary>
public sealed record QueueWatcherInput(WatcherRole Role, int? UserId = null, int? GroupId = null, string? Email = null);

public sealed record Choice(int Id, string Name);

/// <summary>What a queue's editor offers: lifecycles, and custom fields that can be applied to chosen queues.</summary>
public sealed record QueueChoices(IReadOnlyList<Choice> Lifecycles, IReadOnlyList<Choice> CustomFields, IReadOnlyList<Choice> GlobalCustomFields);
