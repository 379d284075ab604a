using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Domain.Delivery;

/// <summary>
/// How a receiver checks a delivery (docs/outbound-webhooks.md): <c>X-ZaloBot-Signature: v1=&lt;hex&gt;</c>, the lowercase
/// hex HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 bytes), of the ASCII timestamp from
/// <c>X-ZaloBot-Timestamp</c> (Unix seconds), a full stop, and the raw request body bytes.
/// </summary>
public static class OutboundSignature
{
    public const string Version = "v1";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
