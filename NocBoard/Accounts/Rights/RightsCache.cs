using System.Collections.Concurrent;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Data;

namespace NocBoard.Accounts.Rights;

/// <summary>
/// Users' rights as last read, shared by every request and circuit, until a commit changes a user,
/// group, membership, grant or wall token. Rights are read on nearly every request and written
/// rarely; reading them anew each time cost four queries per change and per page.
/// </summary>
public sealed class RightsCache(ChangeGenerations generations)
{
    private static readonly Type[] ExistingRows = [typeof(NocUser), typeof(Group), typeof(GroupMember), typeof(RightGrant), typeof(WallToken)];
    // A new user changes no one else's rights (and none is kept for an id before it exists).
    private static readonly Type[] NewRows = [typeof(Group), typeof(GroupMember), typeof(RightGrant), typeof(WallToken)];

    private readonly ConcurrentDictionary<int, (long Generation, RightsSubject Subject)> subjects = new();

    /// <summary>Note this before reading rights; a subject read under it is kept only while it holds.</summary>
    public long Generation => generations.Of(countAdded: false, ExistingRows) + generations.Of(countAdded: true, NewRows);

    public bool TryGet(int userId, long generation, out RightsSubject subject)
    {
        if (subjects.TryGetValue(userId, out var kept) && kept.Generation == generation)
        {
            subject = kept.Subject;
            return true;
        }
        subject = null!;
        return false;
    }

    public void Keep(long generation, RightsSubject subject)
    {
        if (subjects.Count > 10_000) subjects.Clear();   // bounded: a re-read costs four queries
        subjects[subject.UserId] = (generation, subject);
    }
}
