using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace NocBoard.Accounts.WallDisplays;

/// <summary>What marks a wall display's account and its secret.</summary>
public static class WallDisplay
{
    /// <summary>
    /// A claim stored with the display's account (so Identity puts it into every principal it makes
    /// for it, also after a security stamp refresh); its value is the token's id.
    /// </summary>
    public const string ClaimType = "nocboard:wall";

    /// <summary>Where a display signs in with its token.</summary>
    public const string LoginPath = "/wall/login";

    public static bool IsWallDisplay(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ClaimType);

    /// <summary>A new secret: "nbw_" and 256 random bits, URL-safe.</summary>
    public static string NewSecret() => SecretTokens.New("nbw_");

    public static string Hash(string secret) => SecretTokens.Hash(secret);
}
