using Microsoft.EntityFrameworkCore;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>Finding people by name for pickers (owner, watchers). Whether they may own or watch is decided by the write path.</summary>
public sealed class StaffDirectory(NocDbContext db)
{
    /// <summary>Enabled staff who can log in, by user name; the first 200.</summary>
    public async Task<List<(int Id, string Name)>> OwnerCandidatesAsync(CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Where(u => u.Privileged && !u.Disabled && u.PasswordHash != null)
            .OrderBy(u => u.UserName).Take(200).Select(u => new { u.Id, u.UserName, u.RealName }).ToListAsync(ct))
        .Select(u => (u.Id, u.RealName ?? u.UserName ?? "")).ToList();

    public Task<int?> IdOfAsync(string userName, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
}
