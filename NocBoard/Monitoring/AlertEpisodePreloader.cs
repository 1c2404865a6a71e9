using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Tickets;

namespace NocBoard.Monitoring;

/// <summary>In a storm most writes are alerts applied to their episodes: one query reads them all.</summary>
internal sealed class AlertEpisodePreloader : ITicketWritePreloader
{
    public async Task PreloadAsync(NocDbContext db, IReadOnlyList<TicketWrite> writes, CancellationToken ct)
    {
        var ids = writes.SelectMany(w => w.Changes).OfType<ApplyAlert>().Select(a => a.EpisodeId).Distinct().ToList();
        if (ids.Count > 1)
            await db.Set<AlertEpisode>().Where(e => ids.Contains(e.Id)).LoadAsync(ct);
    }
}
