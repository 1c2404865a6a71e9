using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Site;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// The user a message is from. An unknown address becomes an unprivileged user (a requestor), as
/// RT creates users for mail, unless the queue is configured not to; the sender then acts with
/// that user's rights, like anyone else.
/// </summary>
public sealed class SenderAccounts(NocDbContext db, WriteGate gate, TimeProvider clock, IOptions<InboundMailOptions> options)
{
    /// <summary>The sender's mailbox: From, else Sender, else Reply-To.</summary>
    public static MailboxAddress? SenderOf(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault(m => EmailAddresses.Normalize(m.Address) is not null)
        ?? (message.Sender is { } sender && EmailAddresses.Normalize(sender.Address) is not null ? sender : null)
        ?? message.ReplyTo.Mailboxes.FirstOrDefault(m => EmailAddresses.Normalize(m.Address) is not null);

    /// <summary>The acting user, or a refusal saying why the sender cannot act.</summary>
    public async Task<(Actor? Actor, string? Refusal)> ActorForAsync(MailboxAddress sender, string queueName, CancellationToken ct)
    {
        var email = EmailAddresses.Normalize(sender.Address)!;
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is not null)
            return user.Disabled ? (null, $"The sender {email} is a disabled user.") : (Actor.For(user), null);

        var settings = options.Value;
        if (settings.RefusesUnknownSenders(queueName))
            return (null, $"The sender {email} is not a known user, and queue '{queueName}' does not create users from mail.");

        await using (await gate.EnterAsync(ct))
        {
            // Another message from the same new sender may have created them meanwhile.
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (user is null)
            {
                var userName = await FreeUserNameAsync(email, ct);
                user = new NocUser
                {
                    UserName = userName,
                    NormalizedUserName = userName.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = normalized,
                    RealName = string.IsNullOrWhiteSpace(sender.Name) ? null : sender.Name.Trim(),
                    Privileged = false,
                    Created = clock.GetUtcNow(),
                    LockoutEnabled = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        return (Actor.For(user), null);
    }

    private async Task<string> FreeUserNameAsync(string email, CancellationToken ct)
    {
        var name = email;
        for (var n = 2; await db.Users.AnyAsync(u => u.NormalizedUserName == name.ToUpperInvariant(), ct); n++)
            name = $"{email}#{n}";
        return name;
    }
}
