using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.CustomFields;

/// <summary>The custom fields that apply to a queue: the global ones and those applied to it.</summary>
public sealed class CustomFieldDirectory(NocDbContext db)
{
    public Task<List<CustomField>> ForQueueAsync(int queueId, CancellationToken ct = default) =>
        db.CustomFields.AsNoTracking()
            .Where(f => !f.Disabled && (f.AppliesGlobally || f.Queues.Any(q => q.QueueId == queueId)))
            .OrderBy(f => f.Name).ToListAsync(ct);
}
