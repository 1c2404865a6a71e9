namespace NocBoard.Accounts;

/// <summary>
/// The account scheduled jobs, scrips and intake act as (RT's RT_System). It has no password and
/// cannot log in; it holds SuperUser so that automation is limited by configuration, not rights.
/// </summary>
public static class SystemUser
{
    public const string UserName = "system";
    public const string RootUserName = "root";
}
