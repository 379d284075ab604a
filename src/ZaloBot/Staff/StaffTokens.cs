using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Staff;

/// <summary>Bearer tokens: 32 random bytes shown once; only their SHA-256 is stored, so a database leak reveals none.</summary>
public static class StaffTokens
{
    private const string Prefix = "zb_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool LooksValid(string token) => token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length is > 20 and < 100;

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
