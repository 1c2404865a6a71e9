using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Monitoring;

/// <summary>
/// Finds the key an alert with a key pattern (<see cref="Alert.KeyIsPattern"/>) belongs to: the
/// source's current episode whose key matches ('*' is any text), preferring one whose ticket is
/// still open, then the one seen last.
/// </summary>
public static class AlertKeyPattern
{
    public static async Task<string?> ResolveAsync(NocDbContext db, int sourceId, string pattern, CancellationToken ct)
    {
        var like = ToLike(pattern);
        var candidates = await db.Set<AlertEpisode>().AsNoTracking()
            .Where(e => e.SourceId == sourceId && e.CurrentKey != null && EF.Functions.Like(e.Key, like, "\\"))
            .Join(db.Tickets, e => e.TicketId, t => t.Id, (e, t) => new { e.Key, e.LastSeen, Open = t.Resolved == null })
            .ToListAsync(ct);
        // LIKE ignores case on some databases: the pattern itself decides.
        var exact = new System.Text.RegularExpressions.Regex(
            "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$",
            System.Text.RegularExpressions.RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        return candidates.Where(c => exact.IsMatch(c.Key))
            .OrderByDescending(c => c.Open).ThenByDescending(c => c.LastSeen)
            .Select(c => c.Key).FirstOrDefault();
    }

    /// <summary>'*' becomes '%'; the LIKE wildcards and the escape character in the rest are escaped.</summary>
    public static string ToLike(string pattern)
    {
        var like = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
            like.Append(c switch
            {
                '*' => "%",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        return like.ToString();
    }
}
