using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ZaloBot.Zalo;

/// <summary>
/// Hands out the OA access token, refreshing it ahead of expiry or when Zalo rejects it. One refresher at a time:
/// a semaphore within the process and a PostgreSQL advisory lock across replicas; the rotated refresh token is
/// written in the same locked transaction the moment it arrives. After the first refresh, the stored token wins over
/// <c>Zalo:RefreshToken</c>.
/// </summary>
public sealed class ZaloTokenProvider(
    NpgsqlDataSource dataSource,
    ZaloOAuthClient oauth,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloTokenProvider> logger) : IDisposable
{
    private const long RefreshLockKey = 0x5A414C4F544B4E; // "ZALOTKN"
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public void Dispose() => _gate.Dispose();

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
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

            var stored = await connection.QuerySingleOrDefaultAsync<StoredTokens>(new CommandDefinition(
                "select access_token as AccessToken, access_expires_at as AccessExpiresAt, refresh_token as RefreshToken from zalo_tokens where id = 1",
                transaction: transaction, cancellationToken: cancellationToken));
            if (stored is { AccessToken: { } storedAccess, AccessExpiresAt: { } storedExpiry } && storedAccess != rejectedToken && IsFresh(ToOffset(storedExpiry)))
            {
                await transaction.CommitAsync(cancellationToken);
                _cached = new CachedToken(storedAccess, ToOffset(storedExpiry));
                return storedAccess;
            }

            var refreshToken = stored?.RefreshToken ?? options.Value.RefreshToken
                ?? throw new ZaloTokenException("No refresh token: set Zalo:RefreshToken.");
            var tokens = await oauth.RefreshAsync(refreshToken, cancellationToken);
            // The old refresh token is now dead: nothing may stand between receiving the new one and storing it.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into zalo_tokens (id, access_token, access_expires_at, refresh_token, updated_at)
                values (1, @AccessToken, @AccessExpiresAt, @RefreshToken, @now)
                on conflict (id) do update
                set access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                    refresh_token = excluded.refresh_token, updated_at = excluded.updated_at
                """, new { tokens.AccessToken, tokens.AccessExpiresAt, tokens.RefreshToken, now = time.GetUtcNow() }, transaction, cancellationToken: CancellationToken.None));
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

    private bool IsFresh(DateTimeOffset expiresAt) => expiresAt - RefreshAhead > time.GetUtcNow();

    private static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);

    private sealed class StoredTokens
    {
        public string? AccessToken { get; init; }
        public DateTime? AccessExpiresAt { get; init; }
        public string RefreshToken { get; init; } = "";
    }
}
