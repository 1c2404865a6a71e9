using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Monitoring;

/// <summary>
/// The alert sources with their mappings, read once and kept until a commit changes a source or
/// mapping: in a storm every alert names its source, and reading it each time cost two queries
/// per alert. The copies are shared; nothing may change them.
/// </summary>
public sealed class AlertSources(ChangeGenerations generations)
{
    private static readonly Type[] Sources = [typeof(AlertSource), typeof(AlertMapping)];

    private volatile Snapshot? snapshot;

    private sealed record Snapshot(long Generation, IReadOnlyList<AlertSource> All);

    /// <summary>The enabled source whose token hashes to <paramref name="tokenHash"/>.</summary>
    public async Task<AlertSource?> ByTokenHashAsync(NocDbContext db, string tokenHash, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).All.SingleOrDefault(s => s.TokenHash == tokenHash && !s.Disabled);

    /// <summary>The source named <paramref name="name"/>, enabled or not.</summary>
    public async Task<AlertSource?> ByNameAsync(NocDbContext db, string name, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).All.SingleOrDefault(s => s.Name == name);

    private async Task<Snapshot> CurrentAsync(NocDbContext db, CancellationToken ct)
    {
        var generation = generations.Of(countAdded: true, Sources);
        if (snapshot is { } kept && kept.Generation == generation) return kept;
        var read = new Snapshot(generation, await db.Set<AlertSource>().AsNoTracking().Include(s => s.Mappings).ToListAsync(ct));
        snapshot = read;
        return read;
    }
}
