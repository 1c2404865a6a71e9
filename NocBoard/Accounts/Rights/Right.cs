namespace NocBoard.Accounts.Rights;

/// <summary>
/// The rights NocBoard knows, named as in RT wherever the meaning is the same, so an RT
/// administrator recognises every one of them.
/// </summary>
public static class Right
{
    // Queue-scoped (may also be granted globally, which covers every queue).
    public const string SeeQueue = nameof(SeeQueue);
    public const string ShowTicket = nameof(ShowTicket);
    public const string CreateTicket = nameof(CreateTicket);
    public const string ReplyToTicket = nameof(ReplyToTicket);
    public const string CommentOnTicket = nameof(CommentOnTicket);
    public const string ShowTicketComments = nameof(ShowTicketComments);
    public const string ModifyTicket = nameof(ModifyTicket);
    public const string OwnTicket = nameof(OwnTicket);
    public const string TakeTicket = nameof(TakeTicket);
    public const string StealTicket = nameof(StealTicket);
    public const string ReassignTicket = nameof(ReassignTicket);
    public const string ForceOwnerChange = nameof(ForceOwnerChange);
    public const string ModifyCustomField = nameof(ModifyCustomField);
    public const string SeeCustomField = nameof(SeeCustomField);
    public const string DeleteTicket = nameof(DeleteTicket);
    public const string Watch = nameof(Watch);
    public const string WatchAsAdminCc = nameof(WatchAsAdminCc);
    public const string ForceResolve = nameof(ForceResolve);
    public const string AdminQueue = nameof(AdminQueue);

    // Global only.
    public const string AdminUsers = nameof(AdminUsers);
    public const string AdminGroups = nameof(AdminGroups);
    public const string AdminCustomField = nameof(AdminCustomField);
    public const string ShowConfigTab = nameof(ShowConfigTab);
    public const string SuperUser = nameof(SuperUser);

    public static readonly IReadOnlyList<RightDefinition> All =
    [
        new(SeeQueue, RightScope.Queue, "See that the queue exists"),
        new(ShowTicket, RightScope.Queue, "See tickets and their correspondence"),
        new(CreateTicket, RightScope.Queue, "Create tickets"),
        new(ReplyToTicket, RightScope.Queue, "Reply (correspond) on tickets"),
        new(CommentOnTicket, RightScope.Queue, "Comment on tickets"),
        new(ShowTicketComments, RightScope.Queue, "See comments"),
        new(ModifyTicket, RightScope.Queue, "Change ticket fields, status, links and time"),
        new(OwnTicket, RightScope.Queue, "Be the owner of tickets"),
        new(TakeTicket, RightScope.Queue, "Take unowned tickets"),
        new(StealTicket, RightScope.Queue, "Take tickets owned by someone else"),
        new(ReassignTicket, RightScope.Queue, "Give tickets to someone else"),
        new(ForceOwnerChange, RightScope.Queue, "Change the owner of a ticket owned by someone else"),
        new(ModifyCustomField, RightScope.Queue, "Set custom field values"),
        new(SeeCustomField, RightScope.Queue, "See custom field values"),
        new(DeleteTicket, RightScope.Queue, "Move tickets to the deleted status"),
        new(Watch, RightScope.Queue, "Add or remove oneself as Requestor or Cc"),
        new(WatchAsAdminCc, RightScope.Queue, "Add or remove oneself as AdminCc"),
        new(ForceResolve, RightScope.Queue, "Resolve a ticket while it depends on unresolved tickets"),
        new(AdminQueue, RightScope.Queue, "Administer the queue (settings, watchers, rights)"),
        new(AdminUsers, RightScope.Global, "Create and change users"),
        new(AdminGroups, RightScope.Global, "Create and change groups"),
        new(AdminCustomField, RightScope.Global, "Create and change custom fields"),
        new(ShowConfigTab, RightScope.Global, "See the administration pages"),
        new(SuperUser, RightScope.Global, "Every right everywhere"),
    ];

    public static bool IsKnown(string right) => All.Any(r => r.Name == right);
}

public enum RightScope { Queue, Global }

public sealed record RightDefinition(string Name, RightScope Scope, string Description);
