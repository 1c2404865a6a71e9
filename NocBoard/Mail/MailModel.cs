using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Mail.Polling;
using NocBoard.Mail.Quarantine;
using NocBoard.Mail.Rules;
using NocBoard.Mail.Threading;
using NocBoard.Tickets;

namespace NocBoard.Mail;

internal sealed class MailMessageRefConfiguration : IEntityTypeConfiguration<MailMessageRef>
{
    public void Configure(EntityTypeBuilder<MailMessageRef> b)
    {
        b.ToTable("MailMessageIds");
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.HasIndex(m => m.MessageId);
        b.HasIndex(m => m.TicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MailReceiptConfiguration : IEntityTypeConfiguration<MailReceipt>
{
    public void Configure(EntityTypeBuilder<MailReceipt> b)
    {
        b.ToTable("MailReceipts");
        b.Property(r => r.MessageId).HasMaxLength(998);
        b.Property(r => r.ContentHash).HasMaxLength(64);
        b.Property(r => r.Via).HasMaxLength(200);
        // PendingCommands and CommandErrors are unbounded text: a message may carry many commands.
        b.Ignore(r => r.HasUnfinishedCommands);
        // The unique key is what makes a second reading of the same message fail to commit.
        b.HasIndex(r => new { r.MessageId, r.ContentHash }).IsUnique();
    }
}

internal sealed class AutoreplySentConfiguration : IEntityTypeConfiguration<AutoreplySent>
{
    public void Configure(EntityTypeBuilder<AutoreplySent> b)
    {
        b.ToTable("MailAutoreplies");
        b.Property(a => a.Address).HasMaxLength(320);
        b.HasIndex(a => new { a.Address, a.Sent });
        b.HasIndex(a => new { a.OutboxMessageId, a.Address }).IsUnique();
    }
}

internal sealed class QuarantinedMailConfiguration : IEntityTypeConfiguration<QuarantinedMail>
{
    public void Configure(EntityTypeBuilder<QuarantinedMail> b)
    {
        b.ToTable("MailQuarantine");
        b.Property(q => q.Via).HasMaxLength(200);
        b.Property(q => q.QueueName).HasMaxLength(200);
        b.Property(q => q.Action).HasMaxLength(32);
        b.Property(q => q.Reason).HasMaxLength(2000);
        b.Property(q => q.MessageId).HasMaxLength(998);
        b.Property(q => q.From).HasMaxLength(500);
        b.Property(q => q.Subject).HasMaxLength(1000);
        b.HasIndex(q => q.Received);
    }
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("Mailboxes");
        b.Property(m => m.Name).HasMaxLength(200);
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.Host).HasMaxLength(255);
        b.Property(m => m.UserName).HasMaxLength(255);
        b.Property(m => m.ProtectedPassword).HasMaxLength(4000);
        b.Property(m => m.Folder).HasMaxLength(255);
        b.Property(m => m.MoveToFolder).HasMaxLength(255);
        b.Property(m => m.QueueName).HasMaxLength(200);
        b.Property(m => m.Action).HasMaxLength(32);
        b.Property(m => m.LastError).HasMaxLength(2000);
    }
}

internal sealed class MailRuleConfiguration : IEntityTypeConfiguration<MailRule>
{
    public void Configure(EntityTypeBuilder<MailRule> b)
    {
        b.ToTable("MailRules");
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.HeaderName).HasMaxLength(200);
        b.Property(r => r.Pattern).HasMaxLength(2000);
        b.Property(r => r.Value).HasMaxLength(500);
        b.Property(r => r.CustomFieldName).HasMaxLength(200);
        b.HasIndex(r => r.Position);
    }
}
