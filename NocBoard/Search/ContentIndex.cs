using System.Text;
using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Search;

/// <summary>
/// The full-text index of message bodies. On SQLite it is the FTS5 table <c>AttachmentsIndex</c>
/// (contentless, one row per text body attachment, rowid = attachment id), filled and kept
/// current by triggers on <c>Attachments</c> (migration <c>ContentSearch</c>), so a message is
/// searchable as soon as its transaction commits. Other databases have no index yet.
/// </summary>
internal static class ContentIndex
{
    public const string Table = "AttachmentsIndex";

    public static bool IsAvailable(NocDbContext db) => db.Database.IsSqlite();

    /// <summary>
    /// The FTS5 query for the words as a phrase, every character taken literally (the text is one
    /// quoted string, quotes doubled). With <paramref name="prefix"/> the last word may continue
    /// ("flap" finds "flapping"). Null when there is no word to look for.
    /// </summary>
    public static string? MatchQuery(string text, bool prefix)
    {
        var trimmed = text.Trim();
        if (!trimmed.Any(char.IsLetterOrDigit)) return null;
        var phrase = new StringBuilder("\"").Append(trimmed.Replace("\"", "\"\"")).Append('"');
        if (prefix && char.IsLetterOrDigit(trimmed[^1])) phrase.Append(" *");
        return phrase.ToString();
    }

    /// <summary>Ids of the body attachments that match, as a subquery the database runs with the rest of the search.</summary>
    public static IQueryable<long> Matching(NocDbContext db, string matchQuery) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"AttachmentsIndex\" WHERE \"AttachmentsIndex\" MATCH {matchQuery}");
}
