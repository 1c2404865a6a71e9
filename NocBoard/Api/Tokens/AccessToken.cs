using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NocBoard.Accounts;

namespace NocBoard.Api.Tokens;

/// <summary>
/// A personal access token for the API. Only the SHA-256 of the secret is stored: a copy of the
/// database cannot be replayed against the API, and the secret is shown once, when it is made.
/// </summary>
public class AccessToken
{
    public int Id { get; set; }
    public int UserId { get; set; }

    /// <summary>What the owner calls it ("nagios bridge", "my laptop").</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the secret, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset Created { get; set; }
    public int CreatedById { get; set; }
    public DateTimeOffset? Expires { get; set; }

    /// <summary>Allows reading only: every write through the API is refused.</summary>
    public bool ReadOnly { get; set; }

    public DateTimeOffset? Revoked { get; set; }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.ToTable("AccessTokens");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<NocUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
