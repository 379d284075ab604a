using System.Collections.Concurrent;

namespace ZaloBot.Zalo;

/// <summary>
/// Hands out each OA's access token, refreshing it ahead of expiry or when Zalo rejects it. One refresher per OA at a
/// time: a semaphore per OA within the process and a PostgreSQL advisory lock per OA across replicas; the rotated
/// refresh token is written to the OA's row in that same locked transaction the moment it arrives. The configured
/// <c>Zalo:RefreshToken</c> is the configured OA's first token; after the first refresh the stored one wins. When Zalo
/// refuses an OA's refresh token, that is stored too: every replica stops asking for that OA (a dead token does not
/// come back to life) until an operator stores a new one with <c>zalo set-refresh-token --oa</c>; the other OAs go on.
/// </summary>
public sealed class ZaloTokenProvider(
    NpgsqlDataSource dataSource,
    ZaloOAuthClient oauth,
    ZaloLink link,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloTokenProvider> logger) : IDisposable
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan RecoveryCheckInterval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, OaTokenState> _states = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var state in _states.Values) state.Gate.Dispose();
    }

    /// <summary>The configured OA's token, for what only that OA does (the Mini App's profile check).</summary>
    public Task<OaAccessToken> GetAsync(CancellationToken cancellationToken) => GetAsync(options.Value.OaId ?? "", cancellationToken);

    public async Task<OaAccessToken> GetAsync(string oaId, CancellationToken cancellationToken)
    {
        var state = State(oaId);
        if (link.RefreshRefusedDetail(oaId) is not null) await CheckRecoveredAsync(oaId, state, cancellationToken);
        var cached = state.Cached;
        return cached is not null && IsFresh(cached.ExpiresAt) ? new OaAccessToken(oaId, cached.Token) : await RefreshAsync(new OaAccessToken(oaId, cached?.Token ?? ""), cancellationToken);
    }

    /// <summary>
    /// Returns a token of the same OA other than <paramref name="rejected"/>: the one another sender or replica already
    /// obtained, or a newly refreshed one. Concurrent callers with the same rejected token cause a single refresh.
    /// </summary>
    public async Task<OaAccessToken> RefreshAsync(OaAccessToken rejected, CancellationToken cancellationToken)
    {
        var oaId = rejected.OaId;
        var state = State(oaId);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (state.Cached is { } cached && cached.Token != rejected.Token && IsFresh(cached.ExpiresAt)) return new OaAccessToken(oaId, cached.Token);

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, oaId, cancellationToken);

            var stored = await ReadStoredAsync(connection, transaction, oaId, cancellationToken)
                ?? throw new ZaloTokenException($"OA {oaId} is not connected: add it with `zalo add-oa` or from the console.");
            if (stored is { AccessToken: { } storedAccess, AccessExpiresAt: { } storedExpiry } && storedAccess != rejected.Token && IsFresh(ToOffset(storedExpiry)))
            {
                await transaction.CommitAsync(cancellationToken);
                state.Cached = new CachedToken(storedAccess, ToOffset(storedExpiry));
                return new OaAccessToken(oaId, storedAccess);
            }
            if (stored.RefreshRefusedDetail is { } refusedBefore)
            {
                await transaction.CommitAsync(cancellationToken);
                throw Refused(oaId, state, refusedBefore);
            }

            var refreshToken = stored.RefreshToken ?? (oaId == options.Value.OaId ? options.Value.RefreshToken : null)
                ?? throw new ZaloTokenException($"No refresh token for OA {oaId}: connect it from the console or run `zalo set-refresh-token --oa {oaId}`.");
            ZaloTokens tokens;
            try
            {
                tokens = await oauth.RefreshAsync(refreshToken, cancellationToken);
            }
            catch (ZaloRefreshRefusedException ex)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    update zalo_oas set refresh_token = @refreshToken, refresh_refused_at = @now, refresh_refused_detail = @detail, updated_at = @now
                    where oa_id = @oaId
                    """, new { oaId, refreshToken, now = time.GetUtcNow(), detail = ex.Answer }, transaction, cancellationToken: CancellationToken.None));
                await transaction.CommitAsync(CancellationToken.None);
                throw Refused(oaId, state, ex.Answer);
            }
            // The old refresh token is now dead: nothing may stand between receiving the new one and storing it.
            await StoreAsync(connection, transaction, oaId, tokens, time.GetUtcNow(), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            logger.LogInformation("Zalo access token of OA {OaId} refreshed; valid until {ExpiresAt}", oaId, tokens.AccessExpiresAt);
            state.Cached = new CachedToken(tokens.AccessToken, tokens.AccessExpiresAt);
            return new OaAccessToken(oaId, tokens.AccessToken);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// The operator's recovery: redeems <paramref name="refreshToken"/> with Zalo (which is the only way to check it,
    /// and consumes it) and stores the new pair on the OA, clearing a refusal. Running replicas pick it up within seconds.
    /// </summary>
    public Task<ZaloTokens> ReplaceRefreshTokenAsync(string oaId, string refreshToken, CancellationToken cancellationToken) =>
        StoreNewPairAsync(oaId, ct => oauth.RefreshAsync(refreshToken, ct), cancellationToken);

    /// <summary>Stores the pair <paramref name="obtain"/> gets from Zalo (a refresh, or an authorisation code), under the OA's lock.</summary>
    public async Task<ZaloTokens> StoreNewPairAsync(string oaId, Func<CancellationToken, Task<ZaloTokens>> obtain, CancellationToken cancellationToken)
    {
        var state = State(oaId);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, oaId, cancellationToken);
            if (await ReadStoredAsync(connection, transaction, oaId, cancellationToken) is null)
                throw new ZaloTokenException($"OA {oaId} is not connected: add it first (`zalo add-oa`).");
            var tokens = await obtain(cancellationToken);
            await StoreAsync(connection, transaction, oaId, tokens, time.GetUtcNow(), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            state.Cached = new CachedToken(tokens.AccessToken, tokens.AccessExpiresAt);
            link.ClearRefreshRefused(oaId);
            logger.LogWarning("New Zalo tokens were stored for OA {OaId}; access token valid until {ExpiresAt}", oaId, tokens.AccessExpiresAt);
            return tokens;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>While refused, looks (every few seconds) whether an operator has stored a new token, so sends resume without a restart.</summary>
    private async Task CheckRecoveredAsync(string oaId, OaTokenState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - state.RecoveryCheckedAt < RecoveryCheckInterval) throw new ZaloRefreshRefusedException(link.RefreshRefusedDetail(oaId) ?? "");
        state.RecoveryCheckedAt = now;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await ReadStoredAsync(connection, null, oaId, cancellationToken);
        if (stored?.RefreshRefusedDetail is { } detail) throw Refused(oaId, state, detail);
        state.Cached = stored is { AccessToken: { } access, AccessExpiresAt: { } expires } ? new CachedToken(access, ToOffset(expires)) : null;
        link.ClearRefreshRefused(oaId);
        logger.LogWarning("Zalo refresh token of OA {OaId} replaced; its sends resume", oaId);
    }

    private ZaloRefreshRefusedException Refused(string oaId, OaTokenState state, string detail)
    {
        state.Cached = null;
        if (link.MarkRefreshRefused(oaId, detail))
            logger.LogError("Zalo refused the refresh token of OA {OaId}; its sends are paused until an operator runs `zalo set-refresh-token --oa {OaId}`. Zalo answered: {ZaloAnswer}", oaId, oaId, detail);
        return new ZaloRefreshRefusedException(detail);
    }

    private OaTokenState State(string oaId) => _states.GetOrAdd(oaId, _ => new OaTokenState());

    /// <summary>One lock per OA across replicas (the two-key form keeps it apart from every other advisory lock's key space).</summary>
    private static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oaId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@space, hashtext(@oaId))",
            new { space = RefreshLockSpace, oaId }, transaction, cancellationToken: cancellationToken));

    private const int RefreshLockSpace = 0x5A544B4E; // "ZTKN"

    private static Task<StoredTokens?> ReadStoredAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string oaId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredTokens>(new CommandDefinition(
            """
            select access_token as AccessToken, access_expires_at as AccessExpiresAt, refresh_token as RefreshToken,
                   case when refresh_refused_at is not null then coalesce(refresh_refused_detail, 'refused') end as RefreshRefusedDetail
            from zalo_oas where oa_id = @oaId
            """, new { oaId }, transaction: transaction, cancellationToken: cancellationToken));

    private static Task StoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oaId, ZaloTokens tokens, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            update zalo_oas
            set access_token = @AccessToken, access_expires_at = @AccessExpiresAt, refresh_token = @RefreshToken, updated_at = @now,
                refresh_refused_at = null, refresh_refused_detail = null
            where oa_id = @oaId
            """, new { oaId, tokens.AccessToken, tokens.AccessExpiresAt, tokens.RefreshToken, now }, transaction, cancellationToken: cancellationToken));

    private bool IsFresh(DateTimeOffset expiresAt) => expiresAt - RefreshAhead > time.GetUtcNow();

    private static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);

    private sealed class OaTokenState
    {
        private volatile CachedToken? _cached;

        public SemaphoreSlim Gate { get; } = new(1, 1);
        public CachedToken? Cached { get => _cached; set => _cached = value; }
        public DateTimeOffset RecoveryCheckedAt { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class StoredTokens
    {
        public string? AccessToken { get; init; }
        public DateTime? AccessExpiresAt { get; init; }
        public string? RefreshToken { get; init; }
        public string? RefreshRefusedDetail { get; init; }
    }
}
