namespace NocBoard.Accounts.Preferences;

/// <summary>A per-user setting stored as JSON under a key, e.g. the chosen at-a-glance portlets or a time zone.</summary>
public class UserPreference
{
    public int UserId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
