using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NocBoard.Accounts;
using NocBoard.Accounts.Preferences;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.Tickets;
using NocBoard.Tickets.Bookmarks;
using NocBoard.Tickets.Reminders;

namespace NocBoard.Data;

public class NocDbContext(DbContextOptions<NocDbContext> options)
    : IdentityDbContext<NocUser, IdentityRole<int>, int>(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTransaction> Transactions => Set<TicketTransaction>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TicketWatcher> TicketWatchers => Set<TicketWatcher>();
    public DbSet<TicketLink> Links => Set<TicketLink>();
    public DbSet<Queue> Queues => Set<Queue>();
    public DbSet<QueueWatcher> QueueWatchers => Set<QueueWatcher>();
    public DbSet<Lifecycle> Lifecycles => Set<Lifecycle>();
    public DbSet<CustomField> CustomFields => Set<CustomField>();
    public DbSet<QueueCustomField> QueueCustomFields => Set<QueueCustomField>();
    public DbSet<TicketCustomFieldValue> CustomFieldValues => Set<TicketCustomFieldValue>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<RightGrant> RightGrants => Set<RightGrant>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<Board.BoardDefinition> Boards => Set<Board.BoardDefinition>();
    public DbSet<Api.Tokens.AccessToken> AccessTokens => Set<Api.Tokens.AccessToken>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date type: stored as text, DateTimeOffset values neither compare nor sort
        // in SQL. As 64-bit numbers (all values are UTC) they do both, which due-date searches need.
        if (Database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(NocDbContext).Assembly);
    }
}
