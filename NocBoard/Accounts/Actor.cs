namespace NocBoard.Accounts;

/// <summary>Who is making a change or asking to see something: a user, or NocBoard itself.</summary>
public sealed record Actor(int Id, string Name, bool Privileged, string? Email)
{
    /// <summary>A wall display signed in with its token: it may only look (see <c>Accounts/WallDisplays</c>).</summary>
    public bool WallDisplay { get; init; }

    /// <summary>Refuses a write by a wall display, for services whose writes need no right of their own.</summary>
    public void RequireNotWallDisplay(string doing)
    {
        if (WallDisplay) throw new UnauthorizedAccessException($"A wall display only shows tickets; it may not {doing}.");
    }

    public static Actor For(NocUser user) => new(user.Id, user.UserName ?? $"user #{user.Id}", user.Privileged, user.Email);
}
