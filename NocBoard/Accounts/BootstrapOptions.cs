namespace NocBoard.Accounts;

/// <summary>Settings under "Bootstrap", read on first run only.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>
    /// Password for the root account when it is first created. Unset: a strong random one is
    /// generated and printed once to the console log. There is no default password.
    /// </summary>
    public string? RootPassword { get; set; }
}
