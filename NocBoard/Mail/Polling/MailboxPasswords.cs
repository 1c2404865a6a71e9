using Microsoft.AspNetCore.DataProtection;

namespace NocBoard.Mail.Polling;

/// <summary>Mailbox passwords are stored protected with ASP.NET Data Protection (keys in the data folder).</summary>
public sealed class MailboxPasswords(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("NocBoard.Mail.Polling.MailboxPassword");

    public string Protect(string password) => string.IsNullOrEmpty(password) ? "" : protector.Protect(password);

    public string Unprotect(string stored) => string.IsNullOrEmpty(stored) ? "" : protector.Unprotect(stored);
}
