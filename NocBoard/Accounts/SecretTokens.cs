using System.Security.Cryptography;
using System.Text;

namespace NocBoard.Accounts;

/// <summary>
/// The secrets NocBoard hands out once (API access tokens, wall display tokens, alert source
/// tokens): 256 random bits, URL-safe, with a prefix that says what kind of secret it is. Only
/// their SHA-256 is stored; a high-entropy secret needs no salt or slow hash.
/// </summary>
public static class SecretTokens
{
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim())));
}
