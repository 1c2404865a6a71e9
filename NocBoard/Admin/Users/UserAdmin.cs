using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin.Queues;
using NocBoard.Data;

namespace NocBoard.Admin.Users;

/// <summary>
/// Creating and changing accounts, with AdminUsers. Accounts are disabled, never deleted; disabling
/// one or resetting its password ends its sessions. Changing a SuperUser's account needs SuperUser.
/// </summary>
public sealed class UserAdmin(NocDbContext db, UserManager<NocUser> users, AdminRights rights, AdminWriter writer, TimeProvider clock)
{
    public Task<AdminResult<IReadOnlyList<UserSummary>>> ListAsync(Actor actor, string? search = null, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<UserSummary>>(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "administer users", ct);
            var query = db.Users.AsNoTracking();
            if (AdminInput.Optional(search) is { } s)
            {
                var like = $"%{s.ToLower()}%";
                query = query.Where(u => EF.Functions.Like(u.UserName!.ToLower(), like) || EF.Functions.Like((u.RealName ?? "").ToLower(), like)
                                         || EF.Functions.Like((u.Email ?? "").ToLower(), like));
            }
            return await query.OrderBy(u => u.UserName).Take(500)
                .Select(u => new UserSummary(u.Id, u.UserName!, u.RealName, u.Email, u.Privileged, u.Disabled)).ToListAsync(ct);
        });

    public Task<AdminResult<UserDetails>> GetAsync(Actor actor, int userId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "administer users", ct);
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
                       ?? throw Refuse.NotFound($"There is no user #{userId}.");
            var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g).OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
            return new UserDetails(user.Id, user.UserName!, new UserForm { RealName = user.RealName, Email = user.Email, Privileged = user.Privileged },
                user.Disabled, user.PasswordHash is not null, groups);
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, NewUserForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminUsers, "create users", ct);
            if (form.GroupIds.Count > 0)
                await rights.RequireAsync(actor, Right.AdminGroups, "put a new user into groups", ct);
            var userName = AdminInput.Name(form.UserName, "A user", "UserName", 256);
            if (string.IsNullOrEmpty(form.Password))
                throw Refuse.Invalid("A new user needs a password.", "Password");
            var user = new NocUser
            {
                UserName = userName,
                RealName = AdminInput.Optional(form.RealName),
                Email = await EmailAsync(form.Email, null, ct),
                Privileged = form.Privileged,
                Created = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, form.Password));
            await GroupMemberships.SetAsync(db, rights, actor, user.Id, form.GroupIds, ct);
            return user.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int userId, UserForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var user = await ChangeableAsync(actor, userId, "change users", ct);
            user.RealName = AdminInput.Optional(form.RealName);
            user.Email = await EmailAsync(form.Email, userId, ct);
            user.Privileged = form.Privileged;
            Check(await users.UpdateAsync(user));
        }, ct);

    /// <summary>Sets the groups the user is a member of (needs AdminGroups, as changing the groups does).</summary>
    public Task<AdminResult> SetGroupsAsync(Actor actor, int userId, IReadOnlyCollection<int> groupIds, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminGroups, "change group members", ct);
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw Refuse.NotFound($"There is no user #{userId}.");
            await GroupMemberships.SetAsync(db, rights, actor, userId, groupIds, ct);
        }, ct);

    /// <summary>Disables (or enables) an account. Disabling ends the user's sessions at their next check.</summary>
    public Task<AdminResult> SetDisabledAsync(Actor actor, int userId, bool disabled, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var user = await ChangeableAsync(actor, userId, disabled ? "disable users" : "enable users", ct);
            if (disabled && user.Id == actor.Id)
                throw Refuse.Invalid("You cannot disable your own account.", "Disabled");
            if (disabled && user.UserName == SystemUser.UserName)
                throw Refuse.Invalid("The system account cannot be disabled: automation acts as it.", "Disabled");
            user.Disabled = disabled;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
        }, ct);

    /// <summary>Gives the user a new password, lifts a lock-out, and ends their sessions.</summary>
    public Task<AdminResult> ResetPasswordAsync(Actor actor, int userId, string? newPassword, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            var user = await ChangeableAsync(actor, userId, "reset passwords", ct);
            if (user.UserName == SystemUser.UserName)
                throw Refuse.Invalid("The system account has no password and cannot log in.", "Password");
            if (string.IsNullOrEmpty(newPassword))
                throw Refuse.Invalid("Type the new password.", "Password");
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, newPassword));
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }, ct);

    private async Task<NocUser> ChangeableAsync(Actor actor, int userId, string doing, CancellationToken ct)
    {
        await rights.RequireAsync(actor, Right.AdminUsers, doing, ct);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw Refuse.NotFound($"There is no user #{userId}.");
        await rights.RequireSuperUserToChangeAsync(actor, user.Id, user.UserName!, ct);
        return user;
    }

    private async Task<string?> EmailAsync(string? email, int? userId, CancellationToken ct)
    {
        var address = AdminInput.Email(email, "Email", "Email");
        if (address is null) return null;
        // Mail and watchers find people by address, so one address belongs to one account.
        var other = await db.Users.AsNoTracking().Where(u => u.Id != userId && u.NormalizedEmail == address.ToUpperInvariant())
            .Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (other is not null) throw Refuse.Invalid($"Email address {address} belongs to user {other} already.", "Email");
        return address;
    }

    /// <summary>Turns Identity's refusal into ours, keeping its words (e.g. what a password lacks).</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var first = result.Errors.First().Code;
        var field = first.StartsWith("Password") ? "Password"
            : first.Contains("UserName") ? "UserName"
            : first.Contains("Email") ? "Email" : null;
        throw Refuse.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)), field);
    }
}
