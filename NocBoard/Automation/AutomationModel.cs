using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NocBoard.Automation.Due;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Automation;

internal sealed class ScripConfiguration : IEntityTypeConfiguration<Scrip>
{
    public void Configure(EntityTypeBuilder<Scrip> b)
    {
        b.ToTable("Scrips");
        b.Property(s => s.Description).HasMaxLength(200);
        b.Property(s => s.ConditionArgument).HasMaxLength(2000);
        b.Property(s => s.ActionArgument).HasMaxLength(2000);
        b.Property(s => s.TemplateName).HasMaxLength(200);
        // A protected secret of up to 64 characters fits (Data Protection adds about 130).
        b.Property(s => s.ProtectedWebhookSecret).HasMaxLength(200);
        b.HasOne<Queue>().WithMany().HasForeignKey(s => s.QueueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.QueueId, s.SortOrder });
    }
}

internal sealed class ScripRunConfiguration : IEntityTypeConfiguration<ScripRun>
{
    public void Configure(EntityTypeBuilder<ScripRun> b)
    {
        b.ToTable("ScripRuns");
        b.HasIndex(r => new { r.ScripId, r.TransactionId }).IsUnique();
    }
}

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> b)
    {
        b.ToTable("Templates");
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.Subject).HasMaxLength(1000);
        b.HasOne<Queue>().WithMany().HasForeignKey(t => t.QueueId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.Name, t.QueueId });
    }
}

internal sealed class QueueSlaConfiguration : IEntityTypeConfiguration<QueueSla>
{
    public void Configure(EntityTypeBuilder<QueueSla> b)
    {
        b.ToTable("QueueSlas");
        b.HasKey(s => s.QueueId);
        b.Property(s => s.BusinessDays).HasMaxLength(100);
        b.Property(s => s.Holidays).HasMaxLength(4000);
        b.Property(s => s.TimeZone).HasMaxLength(100);
        b.HasOne<Queue>().WithOne().HasForeignKey<QueueSla>(s => s.QueueId);
    }
}

/// <summary>Automation's tables, without widening <see cref="NocDbContext"/> for every feature.</summary>
public static class AutomationTables
{
    public static DbSet<Scrip> Scrips(this NocDbContext db) => db.Set<Scrip>();
    public static DbSet<ScripRun> ScripRuns(this NocDbContext db) => db.Set<ScripRun>();
    public static DbSet<Template> Templates(this NocDbContext db) => db.Set<Template>();
    public static DbSet<QueueSla> QueueSlas(this NocDbContext db) => db.Set<QueueSla>();
}
