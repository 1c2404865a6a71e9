using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NocBoard.Accounts;

namespace NocBoard.Board;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<BoardDefinition>
{
    public void Configure(EntityTypeBuilder<BoardDefinition> b)
    {
        b.ToTable("Boards");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Query).HasMaxLength(4000);
        b.HasOne<NocUser>().WithMany().HasForeignKey(x => x.OwnerId);
        b.HasIndex(x => x.OwnerId);
        // A small map kept as JSON: read and written whole with the board.
        b.Property(x => x.WipLimits).HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
            new ValueComparer<Dictionary<string, int>>(
                (a, c) => a != null && c != null && a.Count == c.Count && !a.Except(c).Any(),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                v => new Dictionary<string, int>(v)));
    }
}
