using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Automation.Templates;

/// <summary>Finds a template by name: the queue's own first, then the global one (RT's rule).</summary>
public sealed class TemplateDirectory(NocDbContext db)
{
    public async Task<Template> FindAsync(string? name, int? queueId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new TemplateException("The scrip names no template.");
        var candidates = await db.Templates().AsNoTracking()
            .Where(t => t.Name == name && (t.QueueId == null || t.QueueId == queueId)).ToListAsync(ct);
        return candidates.FirstOrDefault(t => t.QueueId == queueId && queueId != null)
               ?? candidates.FirstOrDefault(t => t.QueueId == null)
               ?? throw new TemplateException($"There is no template '{name}' for this queue or global.");
    }
}
