using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Zalo;

namespace ZaloBot.Staff;

public sealed record EnrolmentCode(string Code, DateTimeOffset ExpiresAt);

public enum EnrolmentOutcome
{
    Linked,
    WrongOrExpired,
    RateLimited,
}

/// <summary>
/// Links a staff account to a Zalo user: an admin issues a one-time code (8 characters, 24 hours), the staff member
/// sends it to the OA from their own Zalo. Codes are single-use and stored hashed; five wrong codes in 15 minutes
/// lock that Zalo user out for a while.
/// </summary>
public sealed partial class StaffEnrolment(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    private const int MaxFailures = 5;

    /// <summary>"NV-ABCD2345", "nv abcd2345", "#NV ABCD2345": a message that is an enrolment attempt.</summary>
    public static bool TryReadCode(string text, out string code)
    {
        var match = CodePattern().Match(text.Trim());
        code = match.Success ? "NV-" + match.Groups["code"].Value.ToUpperInvariant() : "";
        return match.Success;
    }

    public async Task<EnrolmentCode?> IssueAsync(long staffId, CancellationToken cancellationToken)
    {
        var code = "NV-" + string.Concat(Enumerable.Range(0, 8).Select(_ => TicketCode.Alphabet[RandomNumberGenerator.GetInt32(TicketCode.Alphabet.Length)]));
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into staff_enrolment_codes (code_hash, staff_id, created_at, expires_at)
            select @hash, id, @now, @expiresAt from staff where id = @staffId and active
            """, new { hash = Hash(code), staffId, now, expiresAt = now + CodeLifetime }, cancellationToken: cancellationToken));
        return inserted == 1 ? new EnrolmentCode(code, now + CodeLifetime) : null;
    }

    /// <summary>Redeems a code for the Zalo user who sent it, inside the caller's transaction.</summary>
    public async Task<(EnrolmentOutcome Outcome, StaffAccount? Staff)> RedeemAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloRecipient zaloUser, string code, CancellationToken cancellationToken)
    {
        // Pushes and sign-in codes go back through the OA the code was sent to: the id means nothing on another OA.
        var (zaloOaId, zaloUserId) = (zaloUser.OaId, zaloUser.UserId);
        var now = time.GetUtcNow();
        var failures = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from staff_enrolment_failures where zalo_user_id = @zaloUserId and at > @since",
            new { zaloUserId, since = now - FailureWindow }, transaction, cancellationToken: cancellationToken));
        if (failures >= MaxFailures) return (EnrolmentOutcome.RateLimited, null);

        var staffId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            update staff_enrolment_codes set used_at = @now, used_by = @zaloUserId
            where code_hash = @hash and used_at is null and expires_at > @now
            returning staff_id
            """, new { hash = Hash(code), now, zaloUserId }, transaction, cancellationToken: cancellationToken));
        if (staffId is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into staff_enrolment_failures (zalo_user_id, at) values (@zaloUserId, @now)", new { zaloUserId, now }, transaction, cancellationToken: cancellationToken));
            return (EnrolmentOutcome.WrongOrExpired, null);
        }

        // One Zalo account per staff member and vice versa: a re-enrolment moves the link.
        await connection.ExecuteAsync(new CommandDefinition(
            "update staff set zalo_user_id = null, zalo_oa_id = null where zalo_oa_id = @zaloOaId and zalo_user_id = @zaloUserId", new { zaloOaId, zaloUserId }, transaction, cancellationToken: cancellationToken));
        var staff = await connection.QuerySingleAsync<StaffAccount>(new CommandDefinition(
            "update staff set zalo_user_id = @zaloUserId, zalo_oa_id = @zaloOaId where id = @staffId returning id, name, role, agency_code as AgencyCode, active",
            new { zaloUserId, zaloOaId, staffId }, transaction, cancellationToken: cancellationToken));
        return (EnrolmentOutcome.Linked, staff);
    }

    /// <summary>The active staff member linked to this Zalo user, as a statement of the caller's batch; read by <see cref="ReadLinkedStaffAsync"/>.</summary>
    public static NpgsqlBatchCommand LinkedStaff(ZaloRecipient zaloUser) => Storage.StatementBatch.Command(
        "select id, name, role, agency_code from staff where zalo_oa_id = @oaId and zalo_user_id = @userId and active",
        ("oaId", zaloUser.OaId), ("userId", zaloUser.UserId));

    public static async Task<StaffIdentity?> ReadLinkedStaffAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) && StaffRoleNames.TryParse(reader.GetString(2), out var role)
            ? new StaffIdentity(reader.GetInt64(0), reader.GetString(1), role, await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3))
            : null;

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    [GeneratedRegex(@"^#?\s*NV[\s\-_.]*(?<code>[A-Za-z0-9]{8})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
