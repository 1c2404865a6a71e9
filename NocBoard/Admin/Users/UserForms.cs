using NocBoard.Admin.Queues;

namespace NocBoard.Admin.Users;

/// <summary>A new account as an administrator fills it in. The password is never logged.</summary>
public sealed class NewUserForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? RealName { get; set; }
    public string? Email { get; set; }
    public bool Privileged { get; set; } = true;
    public IReadOnlyCollection<int> GroupIds { get; set; } = [];
}

/// <summary>What can be changed of an existing account besides its password, groups and Disabled.</summary>
public sealed class UserForm
{
    public string? RealName { get; set; }
    public string? Email { get; set; }
    public bool Privileged { get; set; }
}

public sealed record UserSummary(int Id, string UserName, string? RealName, string? Email, bool Privileged, bool Disabled);

public sealed record UserDetails(int Id, string UserName, UserForm Form, bool Disabled, bool HasPassword, IReadOnlyList<Choice> Groups);
