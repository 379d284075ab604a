using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.StaffConsole;

/// <summary>Why a console session ended (the console_sessions.ended_why values).</summary>
public static class SessionEndReasons
{
    public const string SignOut = "sign_out";
    public const string PasswordChanged = "password_changed";
    public const string EndedByAdmin = "ended_by_admin";
    public const string AccountDisabled = "account_disabled";
}

/// <summary>
/// Console sessions recorded on the server. The cookie alone proves nothing once its session row has ended: a cookie
/// copied before sign-out, a password change or an admin's "end all sessions" is refused on its next request. Only a
/// hash of the session id is stored, so a database dump cannot be turned into a working cookie.
/// </summary>
public sealed class ConsoleSessions(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Starts a session and returns the id the cookie carries.</summary>
    public async Task<string> StartAsync(long staffId, string? remoteIp, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        const string sql = """
            insert into console_sessions (staff_id, token_hash, created_at, remote_ip)
            values (@staffId, @hash, @now, @remoteIp)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { staffId, hash = Hash(token), now = time.GetUtcNow(), remoteIp }, cancellationToken: cancellationToken));
        return token;
    }

    public async Task<bool> IsLiveAsync(long staffId, string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 20 and < 100 }) return false;
        const string sql = "select exists (select 1 from console_sessions where token_hash = @hash and staff_id = @staffId and ended_at is null)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { hash = Hash(token), staffId }, cancellationToken: cancellationToken));
    }

    public async Task EndAsync(string? token, string why, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 20 and < 100 }) return;
        const string sql = "update console_sessions set ended_at = @now, ended_why = @why where token_hash = @hash and ended_at is null";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { hash = Hash(token), why, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every live session of one staff member; returns how many were live.</summary>
    public async Task<int> EndAllAsync(long staffId, string why, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EndAllAsync(connection, null, staffId, why, time.GetUtcNow(), cancellationToken);
    }

    public static Task<int> EndAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long staffId, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "update console_sessions set ended_at = @now, ended_why = @why where staff_id = @staffId and ended_at is null";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { staffId, why, now }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<int> LiveCountAsync(long staffId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from console_sessions where staff_id = @staffId and ended_at is null", new { staffId }, cancellationToken: cancellationToken));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
