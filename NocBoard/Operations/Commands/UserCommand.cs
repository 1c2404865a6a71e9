using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Admin;
using NocBoard.Data;

namespace NocBoard.Operations.Commands;

/// <summary>
/// What the user commands share: they act as the system account through <see cref="Admin.Users.UserAdmin"/>,
/// so the same checks apply as on the admin pages (password rules, unique addresses, SuperUser protection).
/// </summary>
internal static class UserCommand
{
    public static Task<Actor> SystemActorAsync(CommandContext context) =>
        context.Services.GetRequiredService<ActorLookup>().SystemAsync(context.Ct);

    public static string UserName(CommandContext context) =>
        context.Args.Positional.Count == 1 ? context.Args.Positional[0] : throw new CommandUsageException("Name exactly one user.");

    public static async Task<int> UserIdAsync(CommandContext context, string userName) =>
        await context.Services.GetRequiredService<NocDbContext>().Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant())
            .Select(u => (int?)u.Id).SingleOrDefaultAsync(context.Ct)
        ?? throw new CommandUsageException($"There is no user '{userName}'.");

    /// <summary>Prints the refusal (naming the field) and returns the exit code.</summary>
    public static int Report(CommandContext context, AdminError? error, string done)
    {
        if (error is null)
        {
            context.Out.WriteLine(done);
            return 0;
        }
        context.Error.WriteLine(error.Field is null ? error.Message : $"{error.Field}: {error.Message}");
        return 1;
    }
}
