using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Queues;

/// <summary>Queues as a user may know them: a queue without SeeQueue for them does not exist for them.</summary>
public sealed class QueueDirectory(NocDbContext db, RightsService rights)
{
    public async Task<IReadOnlyList<Queue>> VisibleAsync(Actor actor, CancellationToken ct = default)
    {
        var subject = await rights.SubjectAsync(actor.Id, ct);
        var queues = await db.Queues.AsNoTracking().Include(q => q.Lifecycle).Where(q => !q.Disabled).OrderBy(q => q.Name).ToListAsync(ct);
        return queues.Where(q => subject.Has(Right.SeeQueue, q.Id)).ToList();
    }

    /// <summary>Queues the user may see and create tickets in, for "new ticket" choices.</summary>
    public async Task<IReadOnlyList<Queue>> CreatableAsync(Actor actor, CancellationToken ct = default)
    {
        var subject = await rights.SubjectAsync(actor.Id, ct);
        return (await VisibleAsync(actor, ct)).Where(q => subject.Has(Right.CreateTicket, q.Id)).ToList();
    }
}
