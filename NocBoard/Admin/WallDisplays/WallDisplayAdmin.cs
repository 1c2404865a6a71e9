using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Accounts.WallDisplays;
using NocBoard.Data;

namespace NocBoard.Admin.WallDisplays;

/// <summary>A new wall display as an administrator fills it in.</summary>
public sealed class NewWallDisplayForm
{
    public string? Name { get; set; }
    public IReadOnlyCollection<int> QueueIds { get; set; } = [];
    public DateTimeOffset? Expires { get; set; }
}

public sealed record WallDisplaySummary(
    int Id, string Name, IReadOnlyList<string> Queues, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Expires, DateTimeOffset? Revoked, bool Works);

/// <summary>A display just made: the secret is shown this once and never stored.</summary>
public sealed record NewWallDisplay(int Id, string Secret);

/// <summary>
/// Making, listing and revoking wall displays' tokens. A token makes an account, so it needs
/// AdminUsers; and it lets a screen read queues, so its maker must be able to see every queue they
/// give it (SeeQueue and ShowTicket there), or AdminUsers alone would open any queue. Revoking
/// disables the display's account and ends its screens and hub connections.
/// </summary>
public sealed class WallDisplayAdmin(
    NocDbContext db, UserManager<NocUser> users, AdminRights rights, AdminWriter writer, WallDisplaySignal signal, TimeProvider clock)
{
    public Task<AdminResult<IReadOnlyList<WallDisplaySummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<WallDisplaySummary>>(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "administer wall displays", ct);
            var tokens = await db.Set<WallToken>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
            var queues = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
            var creatorIds = tokens.Select(t => t.CreatorId).Distinct().ToList();
            var creators = await db.Users.AsNoTracking().Where(u => creatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
            var now = clock.GetUtcNow();
            return tokens.Select(t => new WallDisplaySummary(t.Id, t.Name,
                t.QueueIds.Select(q => queues.GetValueOrDefault(q, $"queue #{q}")).Order().ToList(),
                t.Created, creators.GetValueOrDefault(t.CreatorId, "?"), t.Expires, t.Revoked, t.IsValidAt(now))).ToList();
        });

    public async Task<AdminResult<NewWallDisplay>> CreateAsync(Actor actor, NewWallDisplayForm form, CancellationToken ct = default) =>
        await writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "create wall displays", ct);
            var name = AdminInput.Name(form.Name, "A wall display", "Name", 200);
            if (form.QueueIds.Count == 0) throw Refuse.Invalid("Choose at least one queue the wall display may show.", "QueueIds");
            var queues = await db.Queues.AsNoTracking().Where(q => form.QueueIds.Contains(q.Id)).ToListAsync(ct);
            if (form.QueueIds.FirstOrDefault(id => queues.All(q => q.Id != id)) is var missing and not 0)
                throw Refuse.NotFound($"There is no queue #{missing}.");
            foreach (var queue in queues)
                foreach (var right in new[] { Right.SeeQueue, Right.ShowTicket })
                    await rights.RequireOnQueueAsync(actor, right, queue.Id, queue.Name, "give a wall display this queue", ct);
            var now = clock.GetUtcNow();
            if (form.Expires is { } expires && expires <= now)
                throw Refuse.Invalid("The expiry must be in the future (or left empty: until revoked).", "Expires");

            // The display's own account: no password (it cannot use the login form), not staff.
            var account = new NocUser
            {
                UserName = $"wall-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}",
                RealName = $"Wall display: {name}",
                Privileged = false,
                Created = now,
            };
            Check(await users.CreateAsync(account));
            var secret = WallDisplay.NewSecret();
            var token = new WallToken
            {
                Name = name,
                TokenHash = WallDisplay.Hash(secret),
                QueueIds = queues.Select(q => q.Id).Order().ToList(),
                UserId = account.Id,
                CreatorId = actor.Id,
                Created = now,
                Expires = form.Expires,
            };
            db.Add(token);
            await db.SaveChangesAsync(ct);
            Check(await users.AddClaimAsync(account, new Claim(WallDisplay.ClaimType, token.Id.ToString())));
            return new NewWallDisplay(token.Id, secret);
        }, ct);

    /// <summary>Revokes a token: it stops working at once, and open screens and hub connections end.</summary>
    public async Task<AdminResult> RevokeAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var userId = 0;
        var result = await writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "revoke wall displays", ct);
            var token = await db.Set<WallToken>().SingleOrDefaultAsync(t => t.Id == id, ct)
                        ?? throw Refuse.NotFound($"There is no wall display #{id}.");
            if (token.Revoked is not null) return;
            token.Revoked = clock.GetUtcNow();
            token.RevokedById = actor.Id;
            var account = await users.FindByIdAsync(token.UserId.ToString()) ?? throw Refuse.NotFound($"The account of wall display #{id} is gone.");
            account.Disabled = true;
            Check(await users.UpdateAsync(account));
            Check(await users.UpdateSecurityStampAsync(account));
            userId = account.Id;
        }, ct);
        if (result.Succeeded && userId != 0) signal.Revoke(userId);
        return result;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw Refuse.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
