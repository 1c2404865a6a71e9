using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>
/// A wall display's key: a revocable, read-only credential for a screen in the operations room,
/// limited to chosen queues. It signs in as its own account (<see cref="UserId"/>, no password,
/// unprivileged) whose only rights are SeeQueue and ShowTicket on <see cref="QueueIds"/>. Only a
/// hash of the secret is stored; the secret is shown once, when the token is made.
/// </summary>
public class WallToken
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex. The secret is 256 random bits, so a fast hash is enough.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The queues whose tickets the display may show.</summary>
    public List<int> QueueIds { get; set; } = [];

    /// <summary>The account the display acts as.</summary>
    public int UserId { get; set; }

    public int CreatorId { get; set; }
    public DateTimeOffset Created { get; set; }

    /// <summary>After this the token no longer works; null: until revoked.</summary>
    public DateTimeOffset? Expires { get; set; }

    public DateTimeOffset? Revoked { get; set; }
    public int? RevokedById { get; set; }

    public bool IsValidAt(DateTimeOffset now) => Revoked is null && (Expires is null || Expires > now);
}

internal sealed class WallTokenConfiguration : IEntityTypeConfiguration<WallToken>
{
    public void Configure(EntityTypeBuilder<WallToken> b)
    {
        b.ToTable("WallTokens");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.UserId);
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.CreatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
