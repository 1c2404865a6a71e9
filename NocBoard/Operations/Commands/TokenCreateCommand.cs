using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Api.Tokens;
using NocBoard.Data;

namespace NocBoard.Operations.Commands;

/// <summary>
/// <c>token create --user NAME [--name LABEL] [--expires DATE] [--read-only]</c>: an API token made
/// through <see cref="AccessTokens"/>, as on the Preferences page. The secret is the only thing on
/// stdout, so <c>TOKEN=$(dotnet NocBoard.dll token create --user alice)</c> works; it is shown once.
/// </summary>
public sealed class TokenCreateCommand : IOperatorCommand
{
    public string Name => "token create";
    public string Usage => "--user NAME [--name LABEL] [--expires YYYY-MM-DD] [--read-only]";
    public string Summary => "make an API access token for a user and print its secret (once) on standard output";
    public IReadOnlyList<string> Flags => ["read-only"];
    public IReadOnlyList<string> Options => ["user", "name", "expires"];

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Positional.Count > 0)
            throw new CommandUsageException($"'token create' takes no words of its own ('{context.Args.Positional[0]}'); name the user with --user.");
        var userName = context.Args.Option("user") is { Length: > 0 } u ? u : throw new CommandUsageException("Name the token's user with --user NAME.");
        var expires = ParseExpiry(context.Args.Option("expires"));
        var readOnly = context.Args.Flag("read-only");
        var label = context.Args.Option("name")
                    ?? $"token create {context.Services.GetRequiredService<TimeProvider>().GetUtcNow():yyyy-MM-dd}";

        var db = context.Services.GetRequiredService<NocDbContext>();
        var user = await db.Users.AsNoTracking().Where(x => x.NormalizedUserName == userName.ToUpperInvariant())
                       .Select(x => new { x.Id, x.UserName }).SingleOrDefaultAsync(context.Ct)
                   ?? throw new CommandUsageException($"There is no user '{userName}'.");

        CreatedAccessToken made;
        try
        {
            made = await context.Services.GetRequiredService<AccessTokens>().CreateAsync(user.Id, label, expires, readOnly, ct: context.Ct);
        }
        catch (ArgumentException e)
        {
            // The service's own reasons (disabled user, system account, name too long, expiry past).
            context.Error.WriteLine(e.Message.Split(" (Parameter", 2)[0]);
            return 1;
        }

        context.Out.WriteLine(made.Secret);
        var token = made.Token;
        context.Error.WriteLine($"Created token #{token.Id} '{token.Name}' for {user.UserName}"
            + $" ({(readOnly ? "read-only" : "read and write")}, {(token.Expires is { } e2 ? $"valid until {e2:yyyy-MM-dd HH:mm} UTC" : "no expiry")})."
            + " The secret above is shown only this once; revoke it on the user's API tokens page.");
        return 0;
    }

    /// <summary>A date is valid through that day (UTC), as on the Preferences page; a full ISO 8601 time is taken as given.</summary>
    private static DateTimeOffset? ParseExpiry(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at;
        throw new CommandUsageException($"--expires '{text}' is not a date; write it as YYYY-MM-DD (valid through that day, UTC) or as an ISO 8601 time such as 2027-01-31T18:00:00Z.");
    }
}
