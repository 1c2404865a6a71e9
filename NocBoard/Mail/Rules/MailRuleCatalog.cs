using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Mail.Rules;

/// <summary>
/// The enabled mail rules in order, read once and kept until a commit adds, changes or removes a
/// rule: every received message is run through them, and they are edited rarely. The kept rules
/// are shared and only read.
/// </summary>
public sealed class MailRuleCatalog(ChangeGenerations generations)
{
    private readonly KeptCopy<List<MailRule>> kept = new(generations, typeof(MailRule));

    public async Task<IReadOnlyList<MailRule>> EnabledAsync(NocDbContext db, CancellationToken ct) =>
        await kept.GetAsync(() => db.Set<MailRule>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct));
}
