using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace NocBoard.Automation.Webhooks;

/// <summary>
/// Webhook signing secrets are stored protected with ASP.NET Data Protection (keys in the data
/// folder), so a copy of the database alone does not let anyone forge NocBoard's signatures.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>Long enough for any HMAC-SHA256 key worth having; the protected form must fit its column.</summary>
    public const int MaxLength = 64;

    private readonly IDataProtector protector = provider.CreateProtector("NocBoard.Automation.WebhookSecret");

    public string Protect(string secret) => protector.Protect(secret);

    public string? Unprotect(string? stored, int scripId)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"The signing secret of scrip #{scripId} cannot be read with this server's keys (Data Protection keys lost or replaced); enter it again under Admin → Scrips.");
        }
    }
}
