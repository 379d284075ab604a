using ZaloBot.Privacy;

namespace ZaloBot.StaffConsole;

/// <summary>What the console_audit table records.</summary>
public static class ConsoleAuditKinds
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignOut = "sign_out";
    public const string CodeSent = "code_sent";
    public const string CodeRefused = "code_refused";
    public const string PasswordLinkIssued = "password_link_issued";
    public const string PasswordSet = "password_set";
    public const string PhoneRevealed = "phone_revealed";
    public const string AccountChanged = "account_changed";
    public const string PrivacyRequestClosed = "privacy_request_closed";
    public const string IdentityRevealed = "identity_revealed";
    public const string BreachRecorded = "breach_recorded";
    public const string BreachNotified = "breach_notified";
}

public sealed record ConsoleAuditRow(long Id, DateTime At, long? StaffId, string? StaffName, string? Login, string Kind, string? Method, string? TicketCode, string? RemoteIp, string? Detail);

/// <summary>
/// An append-only record of sign-ins, failures, sign-outs, phone reveals and account changes made in the console, and of
/// privacy's guarded acts (<see cref="IPrivacyAudit"/>), wherever staff take them.
/// </summary>
public sealed class ConsoleAudit(NpgsqlDataSource dataSource, TimeProvider time) : IPrivacyAudit
{
    public Task IdentityRevealedAsync(NpgsqlConnection connection, long staffId, string ticketCode, string? remoteIp, string how, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(connection, null, staffId, ConsoleAuditKinds.IdentityRevealed, null, how, ticketCode, remoteIp, "tố cáo: danh tính người tố cáo", now, cancellationToken);

    public Task BreachRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long breachId, int affectedTickets, string? remoteIp, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, staffId, ConsoleAuditKinds.BreachRecorded, null, null, null, remoteIp, $"breach #{breachId}: {affectedTickets} ticket(s) affected", now, cancellationToken);

    public Task BreachNotifiedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long breachId, string? remoteIp, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, staffId, ConsoleAuditKinds.BreachNotified, null, null, null, remoteIp, $"breach #{breachId} notified", now, cancellationToken);

    public async Task WriteAsync(long? staffId, string kind, string? login = null, string? method = null, string? ticketCode = null, string? remoteIp = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await WriteAsync(connection, null, staffId, kind, login, method, ticketCode, remoteIp, detail, time.GetUtcNow(), cancellationToken);
    }

    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? staffId, string kind, string? login, string? method, string? ticketCode, string? remoteIp, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into console_audit (at, staff_id, login, kind, method, ticket_code, remote_ip, detail)
            values (@now, @staffId, @login, @kind, @method, @ticketCode, @remoteIp, @detail)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            now, staffId, login = Truncate(login, 100), kind, method, ticketCode, remoteIp = Truncate(remoteIp, 64), detail = Truncate(detail, 500),
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ConsoleAuditRow>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            select a.id, a.at, a.staff_id as StaffId, s.name as StaffName, a.login, a.kind, a.method, a.ticket_code as TicketCode,
                   a.remote_ip as RemoteIp, a.detail
            from console_audit a left join staff s on s.id = a.staff_id
            order by a.id desc
            limit @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ConsoleAuditRow>(new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken))).AsList();
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
