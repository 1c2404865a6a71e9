using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

// Indexes follow what boards and searches filter and sort on: queue, status, owner, priority,
// last update and due date.
internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Subject).HasMaxLength(500);
        b.Property(t => t.Status).HasMaxLength(64);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Queue>().WithMany().HasForeignKey(t => t.QueueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NocUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Watchers).WithOne().HasForeignKey(w => w.TicketId);
        b.HasMany(t => t.CustomFieldValues).WithOne().HasForeignKey(v => v.TicketId);
        b.HasIndex(t => new { t.QueueId, t.Status });
        b.HasIndex(t => t.Status);
        b.HasIndex(t => t.OwnerId);
        b.HasIndex(t => t.Priority);
        b.HasIndex(t => t.LastUpdated);
        b.HasIndex(t => t.Due);
        b.HasIndex(t => t.EffectiveId);
    }
}

internal sealed class TicketWatcherConfiguration : IEntityTypeConfiguration<TicketWatcher>
{
    public void Configure(EntityTypeBuilder<TicketWatcher> b)
    {
        b.Property(w => w.Email).HasMaxLength(320);
        b.HasIndex(w => new { w.TicketId, w.Role });
        b.HasIndex(w => w.UserId);
        b.HasIndex(w => w.Email);
        b.HasOne<NocUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<TicketTransaction>
{
    public void Configure(EntityTypeBuilder<TicketTransaction> b)
    {
        b.ToTable("Transactions");
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NocUser>().WithMany().HasForeignKey(t => t.ActorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TransactionId);
        b.Property(t => t.Field).HasMaxLength(200);
        b.HasIndex(t => new { t.TicketId, t.Id });
        b.HasIndex(t => t.Created);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        // On SQLite, triggers keep the full-text index (Search/ContentIndex.cs) current, and
        // SQLite's RETURNING clause does not go with AFTER triggers.
        b.ToTable(t => t.UseSqlReturningClause(false));
        b.Property(a => a.ContentType).HasMaxLength(200);
        b.Property(a => a.MessageId).HasMaxLength(998);
        b.Property(a => a.FileName).HasMaxLength(500);
        b.HasIndex(a => a.MessageId);
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.ToTable("Links");
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.BaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.TargetUri).HasMaxLength(1000);
        b.HasIndex(l => new { l.BaseId, l.Type });
        b.HasIndex(l => new { l.TargetId, l.Type });
    }
}

internal sealed class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> b)
    {
        b.Property(q => q.Name).HasMaxLength(200);
        b.HasIndex(q => q.Name).IsUnique();
        b.HasOne(q => q.Lifecycle).WithMany().HasForeignKey(q => q.LifecycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Watchers).WithOne().HasForeignKey(w => w.QueueId);
    }
}

internal sealed class QueueWatcherConfiguration : IEntityTypeConfiguration<QueueWatcher>
{
    public void Configure(EntityTypeBuilder<QueueWatcher> b)
    {
        b.HasOne<NocUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Group>().WithMany().HasForeignKey(w => w.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LifecycleConfiguration : IEntityTypeConfiguration<Lifecycle>
{
    public void Configure(EntityTypeBuilder<Lifecycle> b)
    {
        b.HasIndex(l => l.Name).IsUnique();
        b.OwnsMany(l => l.Statuses, s => s.ToJson());
        b.OwnsMany(l => l.Transitions, t => t.ToJson());
    }
}

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> b)
    {
        b.HasIndex(c => c.Name).IsUnique();
        b.HasMany(c => c.Queues).WithOne().HasForeignKey(q => q.CustomFieldId);
    }
}

internal sealed class QueueCustomFieldConfiguration : IEntityTypeConfiguration<QueueCustomField>
{
    public void Configure(EntityTypeBuilder<QueueCustomField> b)
    {
        b.HasKey(q => new { q.QueueId, q.CustomFieldId });
        b.HasOne<Queue>().WithMany().HasForeignKey(q => q.QueueId);
    }
}

internal sealed class CustomFieldValueConfiguration : IEntityTypeConfiguration<TicketCustomFieldValue>
{
    public void Configure(EntityTypeBuilder<TicketCustomFieldValue> b)
    {
        b.HasOne<CustomField>().WithMany().HasForeignKey(v => v.CustomFieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.TicketId, v.CustomFieldId });
        b.HasIndex(v => new { v.CustomFieldId, v.Value });
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.HasIndex(g => g.Name).IsUnique();
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.HasKey(m => new { m.GroupId, m.UserId });
        b.HasOne<NocUser>().WithMany().HasForeignKey(m => m.UserId);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class RightGrantConfiguration : IEntityTypeConfiguration<RightGrant>
{
    public void Configure(EntityTypeBuilder<RightGrant> b)
    {
        b.Property(g => g.Right).HasMaxLength(64);
        b.HasOne<Queue>().WithMany().HasForeignKey(g => g.QueueId);
        b.HasOne<NocUser>().WithMany().HasForeignKey(g => g.UserId);
        b.HasOne<Group>().WithMany().HasForeignKey(g => g.GroupId);
        b.HasIndex(g => new { g.Right, g.QueueId });
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Kind).HasMaxLength(100);
        b.Property(m => m.IdempotencyKey).HasMaxLength(300);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.Processed, m.AvailableAt });
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<NocUser>
{
    public void Configure(EntityTypeBuilder<NocUser> b)
    {
        b.Property(u => u.RealName).HasMaxLength(200);
        b.Ignore(u => u.DisplayName);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(r => r.Subject).HasMaxLength(500);
        b.Ignore(r => r.IsOpen);
        b.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NocUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OwnerId, r.Completed, r.Due });
        b.HasIndex(r => r.TicketId);
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> b)
    {
        b.HasKey(x => new { x.UserId, x.TicketId });
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.UserId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId);
        b.HasIndex(x => x.TicketId);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.OrderBy).HasMaxLength(200);
        b.Ignore(x => x.IsGlobal);
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.UserId);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.GroupId);
    }
}

internal sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> b)
    {
        b.HasKey(x => new { x.UserId, x.Key });
        b.Property(x => x.Key).HasMaxLength(100);
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.UserId);
    }
}
