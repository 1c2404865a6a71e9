using Microsoft.AspNetCore.Identity;

namespace NocBoard.Accounts;

/// <summary>
/// A person (or system identity) known to NocBoard. Privileged users are staff who work tickets;
/// unprivileged users are requestors, usually created from the address of an incoming email.
/// </summary>
public class NocUser : IdentityUser<int>
{
    /// <summary>The name shown beside history entries and in mail, e.g. "Jane Doe".</summary>
    [PersonalData]
    public string? RealName { get; set; }

    /// <summary>Staff (true) or requestor (false), as RT's Privileged flag.</summary>
    public bool Privileged { get; set; }

    /// <summary>A disabled user keeps their history but can no longer log in or be given tickets.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset Created { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(RealName) ? UserName ?? Email ?? $"user #{Id}" : RealName;
}
