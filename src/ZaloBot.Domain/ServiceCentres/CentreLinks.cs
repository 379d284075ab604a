using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ZaloBot.Domain.ServiceCentres;

/// <summary>What a signed centre code turned out to be; only <see cref="Valid"/> attributes anything.</summary>
public enum CentreNonceVerdict
{
    Valid,
    Forged,
    Expired,
    Reused,
}

/// <summary>A signed code as read: the centre it names, its one-time id, where it was issued, and what it proved.</summary>
public sealed record CentreNonce(string CentreCode, string Id, string Source, DateTimeOffset ExpiresAt, CentreNonceVerdict Verdict);

/// <summary>A message that starts with a signed centre code, and what the citizen wrote after it.</summary>
public sealed record CentreLinkText(string CentreCode, string Token, string Rest);

/// <summary>
/// Signed one-time centre codes. The Mini App and the landing page put <c>#TT-BN01.&lt;token&gt;</c> in front of the
/// citizen's first message; the token is the source, the expiry and a random id, with an HMAC over them and the
/// centre, so a code copied to another centre, altered or kept past its expiry attributes nothing. Whether the id
/// was already used is the database's question (the caller's), not this one's.
/// </summary>
public static partial class CentreLinks
{
    private const int IdBytes = 8;
    private const int MacBytes = 12;
    private const int PayloadBytes = 1 + 4 + IdBytes;

    /// <summary>A message carrying a signed code: <c>#TT-BN01.&lt;token&gt;</c> then, optionally, anything.</summary>
    public static bool TryRead(string text, out CentreLinkText link)
    {
        var match = SignedCode().Match(text);
        link = match.Success
            ? new CentreLinkText(match.Groups["centre"].Value.ToUpperInvariant(), match.Groups["token"].Value, match.Groups["rest"].Value.Trim())
            : new CentreLinkText("", "", "");
        return match.Success;
    }

    /// <summary>The text to prefill: the signed code, then a greeting the citizen sees before pressing send.</summary>
    public static string Message(string centreCode, string token) => $"{CentreCodeText(centreCode)}.{token} Xin chào";

    public static string CentreCodeText(string centreCode) => "#TT-" + centreCode;

    public static string Issue(byte[] secret, string centreCode, string source, DateTimeOffset expiresAt, ReadOnlySpan<byte> randomId)
    {
        var sourceIndex = Array.IndexOf(CentreSources.Signed, source);
        if (sourceIndex < 0) throw new ArgumentOutOfRangeException(nameof(source), source, "Only the Mini App and the landing page issue signed codes.");
        if (randomId.Length != IdBytes) throw new ArgumentException($"The id is {IdBytes} random bytes.", nameof(randomId));
        Span<byte> token = stackalloc byte[PayloadBytes + MacBytes];
        token[0] = (byte)sourceIndex;
        BinaryPrimitives.WriteUInt32BigEndian(token[1..5], (uint)Math.Clamp(expiresAt.ToUnixTimeSeconds(), 0, uint.MaxValue));
        randomId.CopyTo(token[5..PayloadBytes]);
        Mac(secret, centreCode, token[..PayloadBytes], token[PayloadBytes..]);
        return Base64Url(token);
    }

    /// <summary>Checks the signature and the expiry; <see cref="CentreNonceVerdict.Reused"/> is never returned here.</summary>
    public static CentreNonce? Verify(byte[] secret, string centreCode, string token, DateTimeOffset now)
    {
        var bytes = FromBase64Url(token);
        if (bytes is not { Length: PayloadBytes + MacBytes } || bytes[0] >= CentreSources.Signed.Length)
            return new CentreNonce(centreCode, token, "", DateTimeOffset.MinValue, CentreNonceVerdict.Forged);
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(secret, centreCode, bytes.AsSpan(0, PayloadBytes), expected);
        var id = Convert.ToHexStringLower(bytes.AsSpan(5, IdBytes));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)));
        var source = CentreSources.Signed[bytes[0]];
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadBytes)))
            return new CentreNonce(centreCode, id, source, expires, CentreNonceVerdict.Forged);
        return new CentreNonce(centreCode, id, source, expires, now > expires ? CentreNonceVerdict.Expired : CentreNonceVerdict.Valid);
    }

    private static void Mac(byte[] secret, string centreCode, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var centre = Encoding.UTF8.GetBytes(centreCode.ToUpperInvariant() + "|");
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(secret, [.. centre, .. payload], full);
        full[..destination.Length].CopyTo(destination);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length is 0 or > 64) return null;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try { return Convert.FromBase64String(padded); }
        catch (FormatException) { return null; }
    }

    [GeneratedRegex(@"^\s*(?i:#TT-)(?<centre>[A-Za-z0-9]{2,16})\.(?<token>[A-Za-z0-9_-]{16,64})(?<rest>(\s[\s\S]*)?)$")]
    private static partial Regex SignedCode();
}
