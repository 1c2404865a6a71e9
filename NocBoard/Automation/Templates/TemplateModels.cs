namespace NocBoard.Automation.Templates;

// What a template can see, and nothing else: plain values copied from the ticket, so a template
// can neither reach the database nor call into the application. Dates are in Site:TimeZone.

public sealed record TicketModel(
    int Id, string Subject, string Status, int Priority, int InitialPriority, int FinalPriority,
    string Queue, string Owner, string Requestors, DateTime Created, DateTime? Due,
    string Url, string Age, bool Overdue);

public sealed record TransactionModel(
    long Id, string Type, string? Field, string? OldValue, string? NewValue, string Actor,
    string Content, DateTime Created, string Description);

public sealed record QueueModel(int Id, string Name);

public sealed record RecipientModel(string Name, string Email);

public sealed record SiteModel(string Name, string Url);

/// <summary>A reminder whose time has come.</summary>
public sealed record ReminderModel(string Subject, DateTime? Due);

/// <summary>What a template is rendered with; unset parts are absent (a digest has no transaction).</summary>
public sealed record TemplateValues
{
    public TicketModel? Ticket { get; init; }
    public TransactionModel? Transaction { get; init; }
    public QueueModel? Queue { get; init; }
    public RecipientModel? Recipient { get; init; }
    public ReminderModel? Reminder { get; init; }
    public IReadOnlyList<TicketModel>? Tickets { get; init; }
}

/// <summary>A rendered message.</summary>
public sealed record RenderedMessage(string Subject, string Body);
