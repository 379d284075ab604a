using System.Security.Cryptography;
using System.Text;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// Connecting an OA with Zalo's OAuth v4 (docs/operations.md, "Connecting an OA"): an admin starts it from the console,
/// the browser goes to Zalo's permission page with a one-time <c>state</c> and a PKCE <c>code_challenge</c>, the OA's
/// admin allows the app, and Zalo sends the browser back with a code and the <c>oa_id</c>. The code is redeemed with
/// the verifier only this service holds, and the OA's token pair is stored under its lock.
/// </summary>
public sealed class OaConnections(NpgsqlDataSource dataSource, ZaloOAuthClient oauth, ZaloTokenProvider tokens, OaStore store, OaDirectory directory,
    IOptions<ZaloOptions> options, TimeProvider time, ILogger<OaConnections> logger)
{
    public const string CallbackPath = "/zalo/oauth/callback";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Records a new state and verifier; returns the URL of Zalo's permission page.</summary>
    public async Task<Uri> StartAsync(long? staffId, Uri redirectUri, CancellationToken cancellationToken)
    {
        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into zalo_oa_authorisations (state, code_verifier, started_by, created_at) values (@state, @verifier, @staffId, @now)",
            new { state, verifier, staffId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        var o = options.Value;
        var query = $"app_id={Uri.EscapeDataString(o.AppId ?? "")}&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}"
                    + $"&code_challenge={Challenge(verifier)}&state={state}";
        return new Uri(WithSlash(o.OAuthBaseUrl), "v4/oa/permission?" + query);
    }

    /// <summary>Zalo's callback: the OA whose tokens were stored, or why not (never a 500 for a forged or replayed call).</summary>
    public async Task<(string? OaId, string? Problem)> CompleteAsync(string? code, string? oaId, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 512 || string.IsNullOrEmpty(state) || state.Length > 128 || !OaRules.IsValidId(oaId))
            return (null, "Thiếu hoặc sai tham số từ Zalo.");
        string? verifier;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            // Taken once: a replayed callback finds the state used.
            verifier = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                """
                update zalo_oa_authorisations set completed_at = @now, oa_id = @oaId
                where state = @state and completed_at is null and created_at > @since
                returning code_verifier
                """, new { state, oaId, now = time.GetUtcNow(), since = time.GetUtcNow() - StateLifetime }, cancellationToken: cancellationToken));
        }
        if (verifier is null) return (null, "Phiên kết nối không hợp lệ hoặc đã hết hạn; hãy bắt đầu lại từ bảng điều khiển.");
        if (await directory.FindAsync(oaId!, cancellationToken) is null)
            await store.UpsertAsync(oaId!, new OaSettings("OA " + oaId), cancellationToken);
        try
        {
            await tokens.StoreNewPairAsync(oaId!, ct => oauth.ExchangeCodeAsync(code, verifier, ct), cancellationToken);
        }
        catch (ZaloTokenException ex)
        {
            logger.LogWarning("Zalo refused the authorisation code for OA {OaId}: {Problem}", oaId, ex.Message);
            return (null, "Zalo không chấp nhận mã uỷ quyền; hãy thử lại.");
        }
        return (oaId, null);
    }

    internal static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
