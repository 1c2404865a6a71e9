using NocBoard.CustomFields;
using NocBoard.Queues;
using NocBoard.Tickets.Reminders;

namespace NocBoard.Tickets.Display;

/// <summary>Everything the ticket page shows, loaded in one go and already filtered by the viewer's rights.</summary>
public sealed record TicketDetails(
    Ticket Ticket,
    Queue Queue,
    IReadOnlyDictionary<int, string> UserNames,
    IReadOnlyList<CustomFieldShown> CustomFields,
    IReadOnlyList<LinkShown> Links,
    IReadOnlyList<int> PendingDependencies,
    IReadOnlyList<Reminder> Reminders,
    IReadOnlyList<TicketTransaction> History,
    TicketAbilities Can,
    bool Bookmarked)
{
    public string NameOf(int? userId) => userId is { } id ? UserNames.GetValueOrDefault(id, $"user #{id}") : "Nobody";

    public string NameOf(TicketWatcher watcher) => watcher.UserId is { } id ? NameOf(id) : watcher.Email ?? "";

    public IEnumerable<TicketWatcher> Watchers(WatcherRole role) => Ticket.Watchers.Where(w => w.Role == role);
}

public sealed record CustomFieldShown(CustomField Field, IReadOnlyList<string> Values);

/// <summary>A link named from this ticket's side ("DependsOn #43"), with the other ticket's subject and status.</summary>
public sealed record LinkShown(string Kind, int OtherId, string? OtherSubject, string? OtherStatus);

/// <summary>What the viewer may do here; the page hides what they may not, the write path refuses it anyway.</summary>
public sealed record TicketAbilities(
    bool Modify, bool Reply, bool Comment, bool SeeComments, bool Own, bool Take, bool Steal, bool Reassign, bool ModifyCustomFields,
    IReadOnlyList<string> NextStatuses);
