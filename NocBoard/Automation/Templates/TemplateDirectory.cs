using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Automation.Templates;

/// <summary>Finds a template by name: the queue's own first, then the global one (RT's rule).</summary>
public sealed class TemplateDirectory(NocDbContext db, TemplateCatalog catalog)
{
    public async Task<Template> FindAsync(string? name, int? queueId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new TemplateException("The scrip names no template.");
        var candidates = (await catalog.AllAsync(db, ct))
            .Where(t => t.Name == name && (t.QueueId == null || t.QueueId == queueId)).ToList();
        return candidates.FirstOrDefault(t => t.QueueId == queueId && queueId != null)
               ?? candidates.FirstOrDefault(t => t.QueueId == null)
               ?? throw new TemplateException($"There is no template '{name}' for this queue or global.");
    }
}

/// <summary>
/// Every template, read once and kept until a commit adds, changes or removes one: each
/// notification looks its template up, and templates are few and rarely edited. The kept
/// templates are shared and only read.
/// </summary>
public sealed class TemplateCatalog(ChangeGenerations generations)
{
    private readonly KeptCopy<List<Template>> kept = new(generations, typeof(Template));

    public async Task<IReadOnlyList<Template>> AllAsync(NocDbContext db, CancellationToken ct) =>
        await kept.GetAsync(() => db.Templates().AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct));
}
