using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Search;

/// <summary>What translating one query needs: the database, who is searching (and their rights), the date reader, and the site's queues and custom fields.</summary>
internal sealed class SearchScope(NocDbContext db, Actor actor, RightsSubject subject, RelativeDates dates)
{
    private List<Queue>? queues;
    private List<CustomField>? customFields;

    public NocDbContext Db { get; } = db;
    public Actor Actor { get; } = actor;
    public RightsSubject Subject { get; } = subject;
    public RelativeDates Dates { get; } = dates;

    /// <summary>Every queue with its lifecycle, disabled ones too (their tickets are still found). Loaded once per search.</summary>
    public async Task<IReadOnlyList<Queue>> QueuesAsync(CancellationToken ct) =>
        queues ??= await Db.Queues.AsNoTracking().Include(q => q.Lifecycle).OrderBy(q => q.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<CustomField>> CustomFieldsAsync(CancellationToken ct) =>
        customFields ??= await Db.CustomFields.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
}
