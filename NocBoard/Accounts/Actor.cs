namespace NocBoard.Accounts;

/// <summary>Who is making a change or asking to see something: a user, or NocBoard itself.</summary>
public sealed record Actor(int Id, string Name, bool Privileged, string? Email)
{
    public static Actor For(NocUser user) => new(user.Id, user.UserName ?? $"user #{user.Id}", user.Privileged, user.Email);
}
