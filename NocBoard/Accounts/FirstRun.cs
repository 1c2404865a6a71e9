using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Accounts;

/// <summary>
/// Creates the accounts every NocBoard has: root (SuperUser, the first administrator) and system
/// (whom automation acts as), with RT's default grants. Runs at every start and changes nothing
/// that already exists.
/// </summary>
public sealed class FirstRun(
    NocDbContext db,
    UserManager<NocUser> users,
    IOptions<BootstrapOptions> bootstrap,
    TimeProvider clock,
    ILogger<FirstRun> logger)
{
    public async Task EnsureAccountsAsync(CancellationToken ct = default)
    {
        var system = await EnsureUserAsync(SystemUser.UserName, "NocBoard system", password: null, ct);
        var rootPassword = bootstrap.Value.RootPassword;
        var generated = false;
        if (string.IsNullOrEmpty(rootPassword) && await users.FindByNameAsync(SystemUser.RootUserName) is null)
        {
            rootPassword = GeneratePassword();
            generated = true;
        }
        var root = await EnsureUserAsync(SystemUser.RootUserName, "Enoch Root", rootPassword, ct);
        if (generated && root.created)
        {
            // Printed once, on the console only, because no one could log in otherwise.
            Console.WriteLine();
            Console.WriteLine("  NocBoard created the administrator account 'root'.");
            Console.WriteLine($"  Its password is: {rootPassword}");
            Console.WriteLine("  It is shown only this once: log in and change it, or set Bootstrap:RootPassword before the first start.");
            Console.WriteLine();
        }

        if (!await db.RightGrants.AnyAsync(ct))
        {
            db.RightGrants.AddRange(
                new RightGrant { Right = Right.SuperUser, UserId = system.user.Id },
                new RightGrant { Right = Right.SuperUser, UserId = root.user.Id },
                // RT's defaults: anyone may open a ticket and reply to it (mail intake depends on it),
                // and requestors may see their own tickets.
                new RightGrant { Right = Right.CreateTicket, Role = RoleName.Everyone },
                new RightGrant { Right = Right.ReplyToTicket, Role = RoleName.Everyone },
                new RightGrant { Right = Right.ShowTicket, Role = RoleName.Requestor });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<(NocUser user, bool created)> EnsureUserAsync(string userName, string realName, string? password, CancellationToken ct)
    {
        var existing = await users.FindByNameAsync(userName);
        if (existing is not null) return (existing, false);

        var user = new NocUser
        {
            UserName = userName,
            RealName = realName,
            Privileged = true,
            Created = clock.GetUtcNow(),
            EmailConfirmed = true,
            LockoutEnabled = password is not null,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not create the {userName} account: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        logger.LogInformation("Created the {UserName} account.", userName);
        return (user, true);
    }

    private static string GeneratePassword()
    {
        // 20 characters from a 56-letter alphabet (~116 bits), plus one of each class Identity requires.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return new string(chars) + "-aZ9";
    }
}
