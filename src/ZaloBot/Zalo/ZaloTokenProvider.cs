using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ZaloBot.Zalo;

/// <summary>
/// Hands out the OA access token, refreshing it ahead of expiry or when Zalo rejects it. One refresher at a time:
/// a semaphore within the process and a PostgreSQL advisory lock across replicas; the rotated refresh token is
/// written in the same locked transaction the moment it arrives. After the first refresh, the stored token wins over
/// <c>Zalo:RefreshToken</c>. When Zalo refuses the refresh token, that is stored too: every replica stops asking
/// (a dead token does not come back to life) until an operator stores a new one with <c>zalo set-refresh-token</c>.
/// </summary>
public sealed class ZaloTokenProvider(
    NpgsqlDataSource dataSource,
    ZaloOAuthClient oauth,
    ZaloLink link,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloTokenProvider> logger) : IDisposable
{
    private const long RefreshLockKey = 0x5A414C4F544B4E; // "ZALOTKN"
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan RecoveryCheckInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;
    private DateTimeOffset _recoveryCheckedAt = DateTimeOffset.MinValue;

    public void Dispose() => _gate.Dispose();

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (link.RefreshRefusedDetail is not null) await CheckRecoveredAsync(cancellationToken);
        var cached = _cached;
        return cached is not null && IsFresh(cached.ExpiresAt) ? cached.Token : await RefreshAsync(cached?.Token, cancellationToken);
    }

    /// <summary>
    /// Returns a token other than <paramref name="rejectedToken"/>: the one another sender or replica already obtained,
    /// or a newly refreshed one. Concurrent callers with the same rejected token cause a single refresh.
    /// </summary>
    public async Task<string> RefreshAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && cached.Token != rejectedToken && IsFresh(cached.ExpiresAt)) return cached.Token;

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = RefreshLockKey }, transaction, cancellationToken: cancellationToken));

            var stored = await ReadStoredAsync(connection, transaction, cancellationToken);
            if (stored is { AccessToken: { } storedAccess, AccessExpiresAt: { } storedExpiry } && storedAccess != rejectedToken && IsFresh(ToOffset(storedExpiry)))
            {
                await transaction.CommitAsync(cancellationToken);
                _cached = new CachedToken(storedAccess, ToOffset(storedExpiry));
                return storedAccess;
            }
            if (stored?.RefreshRefusedDetail is { } refusedBefore)
            {
                await transaction.CommitAsync(cancellationToken);
                throw Refused(refusedBefore);
            }

            var refreshToken = stored?.RefreshToken ?? options.Value.RefreshToken
                ?? throw new ZaloTokenException("No refresh token: set Zalo:RefreshToken.");
            ZaloTokens tokens;
            try
            {
                tokens = await oauth.RefreshAsync(refreshToken, cancellationToken);
            }
            catch (ZaloRefreshRefusedException ex)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    insert into zalo_tokens (id, refresh_token, updated_at, refresh_refused_at, refresh_refused_detail)
                    values (1, @refreshToken, @now, @now, @detail)
                    on conflict (id) do update set refresh_refused_at = excluded.refresh_refused_at, refresh_refused_detail = excluded.refresh_refused_detail
                    """, new { refreshToken, now = time.GetUtcNow(), detail = ex.Answer }, transaction, cancellationToken: CancellationToken.None));
                await transaction.CommitAsync(CancellationToken.None);
                throw Refused(ex.Answer);
            }
            // The old refresh token is now dead: nothing may stand between receiving the new one and storing it.
            await StoreAsync(connection, transaction, tokens, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            logger.LogInformation("Zalo access token refreshed; valid until {ExpiresAt}", tokens.AccessExpiresAt);
            _cached = new CachedToken(tokens.AccessToken, tokens.AccessExpiresAt);
            return tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The operator's recovery: redeems <paramref name="refreshToken"/> with Zalo (which is the only way to check it,
    /// and consumes it) and stores the new pair, clearing a refusal. Running replicas pick it up within seconds.
    /// </summary>
    public async Task<ZaloTokens> ReplaceRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = RefreshLockKey }, transaction, cancellationToken: cancellationToken));
            var tokens = await oauth.RefreshAsync(refreshToken, cancellationToken);
            await StoreAsync(connection, transaction, tokens, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            _cached = new CachedToken(tokens.AccessToken, tokens.AccessExpiresAt);
            link.ClearRefreshRefused();
            logger.LogWarning("A new Zalo refresh token was stored by an operator; access token valid until {ExpiresAt}", tokens.AccessExpiresAt);
            return tokens;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>While refused, looks (every few seconds) whether an operator has stored a new token, so sends resume without a restart.</summary>
    private async Task CheckRecoveredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _recoveryCheckedAt < RecoveryCheckInterval) throw new ZaloRefreshRefusedException(link.RefreshRefusedDetail ?? "");
        _recoveryCheckedAt = now;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await ReadStoredAsync(connection, null, cancellationToken);
        if (stored?.RefreshRefusedDetail is { } detail) throw Refused(detail);
        _cached = stored is { AccessToken: { } access, AccessExpiresAt: { } expires } ? new CachedToken(access, ToOffset(expires)) : null;
        link.ClearRefreshRefused();
        logger.LogWarning("Zalo refresh token replaced; sends resume");
    }

    private ZaloRefreshRefusedException Refused(string detail)
    {
        _cached = null;
        if (link.MarkRefreshRefused(detail))
            logger.LogError("Zalo refused the OA refresh token; sends are paused until an operator runs `zalo set-refresh-token`. Zalo answered: {ZaloAnswer}", detail);
        return new ZaloRefreshRefusedException(detail);
    }

    private static Task<StoredTokens?> ReadStoredAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredTokens>(new CommandDefinition(
            """
            select access_token as AccessToken, access_expires_at as AccessExpiresAt, refresh_token as RefreshToken,
                   case when refresh_refused_at is not null then coalesce(refresh_refused_detail, 'refused') end as RefreshRefusedDetail
            from zalo_tokens where id = 1
            """, transaction: transaction, cancellationToken: cancellationToken));

    private Task StoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloTokens tokens, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into zalo_tokens (id, access_token, access_expires_at, refresh_token, updated_at)
            values (1, @AccessToken, @AccessExpiresAt, @RefreshToken, @now)
            on conflict (id) do update
            set access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                refresh_token = excluded.refresh_token, updated_at = excluded.updated_at,
                refresh_refused_at = null, refresh_refused_detail = null
            """, new { tokens.AccessToken, tokens.AccessExpiresAt, tokens.RefreshToken, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    private bool IsFresh(DateTimeOffset expiresAt) => expiresAt - RefreshAhead > time.GetUtcNow();

    private static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);

    private sealed class StoredTokens
    {
        public string? AccessToken { get; init; }
        public DateTime? AccessExpiresAt { get; init; }
        public string? RefreshToken { get; init; }
        public string? RefreshRefusedDetail { get; init; }
    }
}
