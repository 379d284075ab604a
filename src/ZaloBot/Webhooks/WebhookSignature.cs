using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Webhooks;

/// <summary>
/// Zalo's webhook signature: <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c> where hex is SHA-256 (not an HMAC) of
/// app_id + raw body + timestamp + OA secret key, computed over the exact bytes received.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-ZEvent-Signature";
    private const string Prefix = "mac=";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(appId, rawBody, timestamp, oaSecretKey, digest);
        return Prefix + Convert.ToHexStringLower(digest);
    }

    public static bool Verify(string? header, string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        if (header is null) return false;
        var value = header.AsSpan().Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var hex = value[Prefix.Length..];
        if (hex.Length != SHA256.HashSizeInBytes * 2) return false;

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
            return false;

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(appId, rawBody, timestamp, oaSecretKey, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static void Hash(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        hash.GetHashAndReset(destination);
    }
}
