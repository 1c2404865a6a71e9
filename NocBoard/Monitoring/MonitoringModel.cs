using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NocBoard.Monitoring.Mail;
using NocBoard.Tickets;

namespace NocBoard.Monitoring;

internal sealed class AlertSourceConfiguration : IEntityTypeConfiguration<AlertSource>
{
    public void Configure(EntityTypeBuilder<AlertSource> b)
    {
        b.ToTable("AlertSources");
        b.Property(s => s.Name).HasMaxLength(100);
        b.HasIndex(s => s.Name).IsUnique();
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.HasIndex(s => s.TokenHash);
        b.Property(s => s.QueueName).HasMaxLength(200);
        // Sources that existed before flap detection get the same defaults as new ones; the sentinel
        // keeps an explicit 0 ("off") from being taken for "not set".
        b.Property(s => s.FlapChanges).HasDefaultValue(5).HasSentinel(-1);
        b.Property(s => s.FlapWindowMinutes).HasDefaultValue(30).HasSentinel(-1);
        b.HasMany(s => s.Mappings).WithOne().HasForeignKey(m => m.SourceId);
    }
}

internal sealed class AlertMappingConfiguration : IEntityTypeConfiguration<AlertMapping>
{
    public void Configure(EntityTypeBuilder<AlertMapping> b)
    {
        b.ToTable("AlertMappings");
        b.Property(m => m.Field).HasMaxLength(200);
        b.Property(m => m.Pattern).HasMaxLength(1000);
        b.Property(m => m.CustomFieldName).HasMaxLength(200);
        b.Property(m => m.Value).HasMaxLength(1000);
        b.HasIndex(m => new { m.SourceId, m.Order });
    }
}

// One current episode per key: the unique CurrentKey makes a second "new problem" for the same key
// fail at commit even where writes are not serialised (PostgreSQL); null on past episodes.
internal sealed class AlertEpisodeConfiguration : IEntityTypeConfiguration<AlertEpisode>
{
    public void Configure(EntityTypeBuilder<AlertEpisode> b)
    {
        b.ToTable("AlertEpisodes");
        b.Property(e => e.Key).HasMaxLength(400);
        b.Property(e => e.CurrentKey).HasMaxLength(420);
        b.Property(e => e.Severity).HasMaxLength(100);
        b.Property(e => e.RecentChanges).HasMaxLength(2000);
        b.HasIndex(e => e.CurrentKey).IsUnique();
        b.HasIndex(e => e.TicketId).IsUnique();
        b.HasIndex(e => new { e.SourceId, e.Key });
        b.HasOne<AlertSource>().WithMany().HasForeignKey(e => e.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RejectedAlertConfiguration : IEntityTypeConfiguration<RejectedAlert>
{
    public void Configure(EntityTypeBuilder<RejectedAlert> b)
    {
        b.ToTable("RejectedAlerts");
        b.Property(r => r.Via).HasMaxLength(100);
        b.Property(r => r.Source).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(4000);
        b.HasIndex(r => r.Received);
    }
}

internal sealed class MailAlertRuleConfiguration : IEntityTypeConfiguration<MailAlertRule>
{
    public void Configure(EntityTypeBuilder<MailAlertRule> b)
    {
        b.ToTable("MailAlertRules");
        b.Property(r => r.SourceName).HasMaxLength(100);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.SubjectPattern).HasMaxLength(2000);
        b.Property(r => r.BodyPatterns).HasMaxLength(8000);
        b.Property(r => r.KeyTemplate).HasMaxLength(500);
        b.Property(r => r.SummaryTemplate).HasMaxLength(500);
        b.Property(r => r.StateMap).HasMaxLength(2000);
        b.HasIndex(r => r.Order);
    }
}
