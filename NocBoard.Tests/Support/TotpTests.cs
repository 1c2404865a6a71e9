namespace NocBoard.Tests.Support;

/// <summary>The test helper itself, against RFC 6238's published SHA-1 vectors (truncated to 6 digits).</summary>
public class TotpTests
{
    // RFC 6238 appendix B key: ASCII "12345678901234567890", here in base32.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Matches_The_Rfc_Vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
