using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Zalo;

namespace ZaloBot.StaffConsole;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Unknown name, wrong password or code, no password set, disabled account: one answer for all.</summary>
    Refused,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffIdentity? Staff);

public enum CodeRequestOutcome
{
    /// <summary>Sent if the account exists, is active and is linked to Zalo; the caller cannot tell which (no account probing).</summary>
    SentIfLinked,
    RateLimited,
    LockedOut,
}

public enum SetPasswordOutcome
{
    Set,
    InvalidLink,
    WeakPassword,
}

public sealed record PasswordLink(string Token, string Login, DateTimeOffset ExpiresAt);

public enum PasswordLinkRefusal
{
    NoActiveAccount,
    InvalidLogin,
    LoginTaken,
}

/// <summary>
/// Console sign-in. A password (hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>, set by the staff member
/// through a one-time link an admin issues) or a six-digit code the OA sends to the staff member's linked Zalo account
/// through the outbox (single use, minutes, a few per window). Wrong passwords and codes count together: after
/// <see cref="ConsoleOptions.MaxFailures"/> within the window the account is locked until the window passes, and after
/// <see cref="ConsoleOptions.MaxFailuresPerAddress"/> from one address, that address is refused for every account.
/// Attempts on one account are serialised by a row lock on the staff row, so replicas cannot race past the limit.
/// </summary>
public sealed partial class ConsoleAccounts(NpgsqlDataSource dataSource, TimeProvider time, IOptions<ConsoleOptions> options, OutboxSignal outbox)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const string MethodPassword = "password";
    public const string MethodZaloCode = "zalo_code";

    private static readonly PasswordHasher<StaffAccount> Hasher = new();
    private static readonly StaffAccount Nobody = new(0, "", "", null, false);
    // Verified when the name is unknown, so a wrong name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(Nobody, "not-a-real-password-" + Guid.NewGuid());

    private ConsoleOptions Options => options.Value;

    public static bool IsValidLogin(string? login) => login is not null && LoginPattern().IsMatch(login);

    public static string NormaliseLogin(string? login) => (login ?? "").Trim().ToLowerInvariant();

    private sealed record Candidate(long Id, string Name, string Role, string? AgencyCode, bool Active, string? PasswordHash, string? ZaloUserId, string? ZaloOaId);

    private const string LockCandidate = """
        select id, name, role, agency_code as AgencyCode, active, password_hash as PasswordHash, zalo_user_id as ZaloUserId, zalo_oa_id as ZaloOaId
        from staff where lower(login) = @login
        for update
        """;

    public Task<SignInResult> PasswordSignInAsync(string? login, string? password, string? remoteIp, CancellationToken cancellationToken) =>
        SignInAsync(login, MethodPassword, remoteIp, (_, _, candidate, _) =>
        {
            var verified = Verify(candidate, password);
            var identity = verified && candidate is { Active: true } ? ToIdentity(candidate) : null;
            return Task.FromResult((identity, identity is null ? FailureDetail(candidate, verified) : null));
        }, cancellationToken);

    /// <summary>
    /// What both ways of signing in share: the account row locked (so replicas cannot race past the limit), lock-out
    /// checked before and after, every attempt audited, one transaction. <paramref name="check"/> proves the secret.
    /// </summary>
    private async Task<SignInResult> SignInAsync(string? login, string method, string? remoteIp,
        Func<NpgsqlConnection, NpgsqlTransaction, Candidate?, DateTimeOffset, Task<(StaffIdentity? Identity, string? FailureDetail)>> check,
        CancellationToken cancellationToken)
    {
        login = NormaliseLogin(login);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var candidate = IsValidLogin(login)
            ? await connection.QuerySingleOrDefaultAsync<Candidate>(new CommandDefinition(LockCandidate, new { login }, transaction, cancellationToken: cancellationToken))
            : null;

        SignInResult result;
        if (await IsAddressLockedOutAsync(connection, transaction, remoteIp, now, cancellationToken))
        {
            // Many names tried from one address: refused whichever account, before any secret is checked.
            result = new SignInResult(SignInOutcome.LockedOut, null);
            await ConsoleAudit.WriteAsync(connection, transaction, candidate?.Id, ConsoleAuditKinds.LockedOut, login, method, null, remoteIp, "address limit", now, cancellationToken);
        }
        else if (candidate is not null && await IsLockedOutAsync(connection, transaction, candidate.Id, now, cancellationToken))
        {
            result = new SignInResult(SignInOutcome.LockedOut, null);
            await ConsoleAudit.WriteAsync(connection, transaction, candidate.Id, ConsoleAuditKinds.LockedOut, login, method, null, remoteIp, null, now, cancellationToken);
        }
        else
        {
            var (identity, failure) = await check(connection, transaction, candidate, now);
            result = identity is null ? new SignInResult(SignInOutcome.Refused, null) : new SignInResult(SignInOutcome.SignedIn, identity);
            await ConsoleAudit.WriteAsync(connection, transaction, candidate?.Id, identity is null ? ConsoleAuditKinds.SignInFailed : ConsoleAuditKinds.SignIn,
                login, method, null, remoteIp, identity is null ? failure : null, now, cancellationToken);
            if (identity is null && candidate is not null && await IsLockedOutAsync(connection, transaction, candidate.Id, now, cancellationToken))
                result = new SignInResult(SignInOutcome.LockedOut, null);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static bool Verify(Candidate? candidate, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
            return false;
        var hash = candidate?.PasswordHash ?? DummyHash;
        var verified = Hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed;
        return verified && candidate?.PasswordHash is not null;
    }

    private static string FailureDetail(Candidate? candidate, bool verified) => candidate switch
    {
        null => "unknown login",
        { Active: false } => "account disabled",
        { PasswordHash: null } => "no password set",
        _ => verified ? "refused" : "wrong secret",
    };

    /// <summary>Queues a six-digit code to the account's linked Zalo user (if any) through the outbox.</summary>
    public async Task<CodeRequestOutcome> SendCodeAsync(string? login, string? remoteIp, CancellationToken cancellationToken)
    {
        login = NormaliseLogin(login);
        if (!IsValidLogin(login)) return CodeRequestOutcome.SentIfLinked;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var candidate = await connection.QuerySingleOrDefaultAsync<Candidate>(new CommandDefinition(LockCandidate, new { login }, transaction, cancellationToken: cancellationToken));
        if (candidate is null)
        {
            await ConsoleAudit.WriteAsync(connection, transaction, null, ConsoleAuditKinds.CodeRefused, login, MethodZaloCode, null, remoteIp, "unknown login", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CodeRequestOutcome.SentIfLinked;
        }
        if (await IsLockedOutAsync(connection, transaction, candidate.Id, now, cancellationToken))
        {
            await ConsoleAudit.WriteAsync(connection, transaction, candidate.Id, ConsoleAuditKinds.LockedOut, login, MethodZaloCode, null, remoteIp, null, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CodeRequestOutcome.LockedOut;
        }
        var recent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from console_one_time_codes where staff_id = @id and purpose = 'sign_in_code' and created_at > @since",
            new { id = candidate.Id, since = now - Options.LockoutWindow }, transaction, cancellationToken: cancellationToken));
        if (recent >= Options.MaxCodesPerWindow)
        {
            await ConsoleAudit.WriteAsync(connection, transaction, candidate.Id, ConsoleAuditKinds.CodeRefused, login, MethodZaloCode, null, remoteIp, "rate limited", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CodeRequestOutcome.RateLimited;
        }
        if (!candidate.Active || candidate.ZaloUserId is null || candidate.ZaloOaId is null)
        {
            await ConsoleAudit.WriteAsync(connection, transaction, candidate.Id, ConsoleAuditKinds.CodeRefused, login, MethodZaloCode, null, remoteIp,
                candidate.Active ? "no linked Zalo account" : "account disabled", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CodeRequestOutcome.SentIfLinked;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expiresAt = now + Options.SignInCodeLifetime;
        var codeId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into console_one_time_codes (staff_id, purpose, code_hash, created_at, expires_at)
            values (@id, 'sign_in_code', @hash, @now, @expiresAt) returning id
            """, new { id = candidate.Id, hash = CodeHash(candidate.Id, code), now, expiresAt }, transaction, cancellationToken: cancellationToken));
        var minutes = (int)Math.Round(Options.SignInCodeLifetime.TotalMinutes);
        var text = $"Mã đăng nhập bảng điều khiển tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo: {code}. Mã dùng một lần, hết hạn sau {minutes} phút. Không đưa mã này cho bất kỳ ai.";
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(new ZaloRecipient(candidate.ZaloOaId, candidate.ZaloUserId), ZaloMessages.Text(text), $"console-code:{codeId}", null), now, cancellationToken);
        await ConsoleAudit.WriteAsync(connection, transaction, candidate.Id, ConsoleAuditKinds.CodeSent, login, MethodZaloCode, null, remoteIp, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return CodeRequestOutcome.SentIfLinked;
    }

    public Task<SignInResult> CodeSignInAsync(string? login, string? code, string? remoteIp, CancellationToken cancellationToken)
    {
        code = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return SignInAsync(login, MethodZaloCode, remoteIp, async (connection, transaction, candidate, now) =>
        {
            var used = candidate is { Active: true } && CodePattern().IsMatch(code) && await connection.ExecuteAsync(new CommandDefinition(
                """
                update console_one_time_codes set used_at = @now
                where staff_id = @id and purpose = 'sign_in_code' and code_hash = @hash and used_at is null and expires_at > @now
                """, new { id = candidate.Id, hash = CodeHash(candidate.Id, code), now }, transaction, cancellationToken: cancellationToken)) == 1;
            return used ? (ToIdentity(candidate!), null) : ((StaffIdentity?)null, candidate is null ? "unknown login" : "wrong or expired code");
        }, cancellationToken);
    }

    /// <summary>Gives the account a sign-in name and a one-time link (shown once, stored hashed) to set its password.</summary>
    public async Task<(PasswordLink? Link, PasswordLinkRefusal? Error)> IssuePasswordLinkAsync(long staffId, string? login, long? issuedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<(string? Login, bool Active)?>(new CommandDefinition(
            "select login, active from staff where id = @staffId for update", new { staffId }, transaction, cancellationToken: cancellationToken));
        if (current is not { Active: true } account) return (null, PasswordLinkRefusal.NoActiveAccount);
        var wanted = string.IsNullOrWhiteSpace(login) ? account.Login : NormaliseLogin(login);
        if (!IsValidLogin(wanted)) return (null, PasswordLinkRefusal.InvalidLogin);
        var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from staff where lower(login) = @wanted and id <> @staffId)", new { wanted, staffId }, transaction, cancellationToken: cancellationToken));
        if (taken) return (null, PasswordLinkRefusal.LoginTaken);
        await connection.ExecuteAsync(new CommandDefinition("update staff set login = @wanted where id = @staffId", new { wanted, staffId }, transaction, cancellationToken: cancellationToken));
        var token = "pl_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = now + Options.PasswordLinkLifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into console_one_time_codes (staff_id, purpose, code_hash, created_at, expires_at)
            values (@staffId, 'password_link', @hash, @now, @expiresAt)
            """, new { staffId, hash = SHA256.HashData(Encoding.UTF8.GetBytes(token)), now, expiresAt }, transaction, cancellationToken: cancellationToken));
        await ConsoleAudit.WriteAsync(connection, transaction, staffId, ConsoleAuditKinds.PasswordLinkIssued, wanted, null, null, null,
            issuedBy is null ? "by CLI" : $"by staff #{issuedBy}", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new PasswordLink(token, wanted!, expiresAt), null);
    }

    /// <summary>The account a live password link belongs to (for the page that asks for the new password).</summary>
    public async Task<string?> PasswordLinkLoginAsync(string? token, CancellationToken cancellationToken)
    {
        if (!LooksLikeLink(token)) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            select s.login from console_one_time_codes c join staff s on s.id = c.staff_id
            where c.code_hash = @hash and c.purpose = 'password_link' and c.used_at is null and c.expires_at > @now and s.active
            """, new { hash = SHA256.HashData(Encoding.UTF8.GetBytes(token!)), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<SetPasswordOutcome> SetPasswordAsync(string? token, string? password, string? remoteIp, CancellationToken cancellationToken)
    {
        if (!LooksLikeLink(token)) return SetPasswordOutcome.InvalidLink;
        if (!IsAcceptablePassword(password)) return SetPasswordOutcome.WeakPassword;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var staffId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            update console_one_time_codes c set used_at = @now
            from staff s
            where s.id = c.staff_id and s.active
              and c.code_hash = @hash and c.purpose = 'password_link' and c.used_at is null and c.expires_at > @now
            returning c.staff_id
            """, new { hash = SHA256.HashData(Encoding.UTF8.GetBytes(token!)), now }, transaction, cancellationToken: cancellationToken));
        if (staffId is null) return SetPasswordOutcome.InvalidLink;
        await connection.ExecuteAsync(new CommandDefinition(
            "update staff set password_hash = @hash, password_set_at = @now where id = @staffId",
            new { hash = Hasher.HashPassword(Nobody, password!), now, staffId }, transaction, cancellationToken: cancellationToken));
        // A new password ends every session opened with the old one, wherever it is.
        await ConsoleSessions.EndAllAsync(connection, transaction, staffId.Value, SessionEndReasons.PasswordChanged, now, cancellationToken);
        await ConsoleAudit.WriteAsync(connection, transaction, staffId, ConsoleAuditKinds.PasswordSet, null, null, null, remoteIp, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SetPasswordOutcome.Set;
    }

    public static string PasswordPath(string token) => "/console/password?token=" + Uri.EscapeDataString(token);

    public static bool IsAcceptablePassword(string? password) =>
        password is { Length: >= MinPasswordLength and <= MaxPasswordLength } && !string.IsNullOrWhiteSpace(password);

    /// <summary>The staff member behind a console session as they are now (role, agency, still active), checked on every request.</summary>
    public async Task<(StaffIdentity? Staff, DateTimeOffset? PasswordSetAt)> CurrentAsync(long staffId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Name, string Role, string? AgencyCode, bool Active, DateTime? PasswordSetAt)?>(new CommandDefinition(
            "select id, name, role, agency_code, active, password_set_at from staff where id = @staffId", new { staffId }, cancellationToken: cancellationToken));
        if (row is not { Active: true } r || !StaffRoleNames.TryParse(r.Role, out var role)) return (null, null);
        return (new StaffIdentity(r.Id, r.Name, role, r.AgencyCode), r.PasswordSetAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    private async Task<bool> IsLockedOutAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Failures since the last successful sign-in, within the window.
        const string sql = """
            select count(*) from console_audit
            where staff_id = @staffId and kind = 'sign_in_failed' and at > @since
              and at > coalesce((select max(at) from console_audit where staff_id = @staffId and kind = 'sign_in'), '-infinity')
            """;
        var failures = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { staffId, since = now - Options.LockoutWindow }, transaction, cancellationToken: cancellationToken));
        return failures >= Options.MaxFailures;
    }

    /// <summary>Failed sign-ins from one address within the window, whatever names were tried (guessing across accounts).</summary>
    private async Task<bool> IsAddressLockedOutAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? remoteIp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(remoteIp)) return false;
        const string sql = """
            select count(*) from console_audit
            where remote_ip = @remoteIp and kind = 'sign_in_failed' and at > @since
            """;
        var failures = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { remoteIp = remoteIp.Length <= 64 ? remoteIp : remoteIp[..64], since = now - Options.LockoutWindow }, transaction, cancellationToken: cancellationToken));
        return failures >= Options.MaxFailuresPerAddress;
    }

    private static StaffIdentity? ToIdentity(Candidate candidate) =>
        StaffRoleNames.TryParse(candidate.Role, out var role) ? new StaffIdentity(candidate.Id, candidate.Name, role, candidate.AgencyCode) : null;

    private static byte[] CodeHash(long staffId, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"console-code:{staffId}:{code}")));

    private static bool LooksLikeLink(string? token) => token is { Length: > 20 and < 100 } && token.StartsWith("pl_", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9._-]{3,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoginPattern();

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
