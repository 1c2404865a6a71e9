namespace NocBoard.Accounts.WallDisplays;

/// <summary>
/// Tells this instance's open wall screens and hub connections that a display's token was revoked,
/// so they stop at once instead of at their next check (which still catches it, within a minute,
/// also when the revocation happened on another instance).
/// </summary>
public sealed class WallDisplaySignal
{
    /// <summary>Raised with the display account's user id, after the revocation is committed.</summary>
    public event Action<int>? Revoked;

    public void Revoke(int userId) => Revoked?.Invoke(userId);
}
