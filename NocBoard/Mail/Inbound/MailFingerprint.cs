using System.Security.Cryptography;
using MimeKit;

namespace NocBoard.Mail.Inbound;

/// <summary>
/// The de-duplication key of a received message: its Message-ID and a hash of its content. Trace
/// headers that differ between two deliveries of the same message (Received, Delivered-To,
/// Return-Path, X-RT-Mail-Extension) are left out of the hash, so a message that reaches NocBoard
/// twice is recognised, while two different messages that share a Message-ID are not confused.
/// </summary>
public static class MailFingerprint
{
    private static readonly HashSet<string> TraceHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Received", "Delivered-To", "Return-Path", "X-Original-To", "X-RT-Mail-Extension", "Status", "X-Status",
        "X-UID", "X-Keywords", "Content-Length", "Lines",
    };

    public static string Hash(MimeMessage message)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var header in message.Headers)
        {
            if (TraceHeaders.Contains(header.Field)) continue;
            sha.AppendData(header.RawField);
            sha.AppendData(header.RawValue);
        }
        using var body = new MemoryStream();
        message.Body?.WriteTo(FormatOptions.Default, body);
        sha.AppendData(body.ToArray());
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string Hash(byte[] raw) => Convert.ToHexStringLower(SHA256.HashData(raw));
}
