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
    private readonly KeptCopy<List<AlertSource>> kept = new(generations, typeof(AlertSource), typeof(AlertMapping));

    /// <summary>The enabled source whose token hashes to <paramref name="tokenHash"/>.</summary>
    public async Task<AlertSource?> ByTokenHashAsync(NocDbContext db, string tokenHash, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).SingleOrDefault(s => s.TokenHash == tokenHash && !s.Disabled);

    /// <summary>The source named <paramref name="name"/>, enabled or not.</summary>
    public async Task<AlertSource?> ByNameAsync(NocDbContext db, string name, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).SingleOrDefault(s => s.Name == name);

    private Task<List<AlertSource>> CurrentAsync(NocDbContext db, CancellationToken ct) =>
        kept.GetAsync(() => db.Set<AlertSource>().AsNoTracking().Include(s => s.Mappings).ToListAsync(ct));
}
