using System.Security.Cryptography;
using System.Text;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.ServiceCentres;

namespace ZaloBot.ServiceCentres;

/// <summary>
/// Issues signed one-time centre codes and checks the ones citizens send back: the signature and expiry without
/// storage (<see cref="CentreLinks"/>), the single use in <c>centre_nonces_used</c> inside the caller's transaction,
/// so a turn that rolls back does not spend the code.
/// </summary>
public sealed partial class CentreLinkSigner(IOptions<ServiceCentreOptions> options, IOptions<Zalo.ZaloOptions> zalo, TimeProvider time, ILogger<CentreLinkSigner> logger)
{
    // A key of its own for this purpose, so a code never doubles as anything signed with the OA secret itself.
    private readonly byte[] _secret = options.Value.LinkSecret is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(zalo.Value.OaSecretKey ?? ""), 32, info: "zalobot centre links"u8.ToArray());

    /// <summary>A fresh code for the centre from <paramref name="source"/>, and when it stops attributing.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string centreCode, string source)
    {
        var expires = time.GetUtcNow() + options.Value.LinkLifetime;
        return (CentreLinks.Issue(_secret, centreCode, source, expires, RandomNumberGenerator.GetBytes(8)), expires);
    }

    /// <summary>The text a citizen sends with a fresh code (the Mini App's prefilled chat message, the landing page's copied text).</summary>
    public string Message(string centreCode, string source) => CentreLinks.Message(centreCode, Issue(centreCode, source).Token);

    /// <summary>Checks a code and spends it; null source unless it was genuine, in time and unused.</summary>
    public async Task<CentreNonce> SpendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string centreCode, string token, CancellationToken cancellationToken)
    {
        var nonce = CentreLinks.Verify(_secret, centreCode, token, time.GetUtcNow())!;
        if (nonce.Verdict == CentreNonceVerdict.Valid)
        {
            const string sql = """
                insert into centre_nonces_used (nonce_id, centre_code, source, used_at, expires_at)
                values (@Id, @CentreCode, @Source, @now, @ExpiresAt)
                on conflict (nonce_id) do nothing
                """;
            var inserted = await connection.ExecuteAsync(new CommandDefinition(sql, new { nonce.Id, CentreCode = centreCode.ToUpperInvariant(), nonce.Source, now = time.GetUtcNow(), nonce.ExpiresAt },
                transaction, cancellationToken: cancellationToken));
            if (inserted == 0) nonce = nonce with { Verdict = CentreNonceVerdict.Reused };
        }
        if (nonce.Verdict != CentreNonceVerdict.Valid) LogRefused(logger, centreCode, nonce.Verdict);
        return nonce;
    }

    /// <summary>A text message that starts with a signed code becomes a <see cref="CentreLinkInput"/>; any other input is returned as it is.</summary>
    public async Task<ConversationInput> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ConversationInput input, CancellationToken cancellationToken)
    {
        if (input is not TextInput text || !CentreLinks.TryRead(text.Text, out var link)) return input;
        var nonce = await SpendAsync(connection, transaction, link.CentreCode, link.Token, cancellationToken);
        return new CentreLinkInput(link.CentreCode, nonce.Verdict == CentreNonceVerdict.Valid ? nonce.Source : null, link.Rest, text.At);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A signed code for centre {CentreCode} attributed nothing: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string centreCode, CentreNonceVerdict verdict);
}
