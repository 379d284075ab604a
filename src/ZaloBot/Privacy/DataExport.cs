using System.Security.Cryptography;
using System.Text;

namespace ZaloBot.Privacy;

public sealed record ExportTicket(string Code, string Category, TicketStatus Status, string Track, DateTime CreatedAt, string Description, string? Address,
    double? Latitude, double? Longitude, string? ContactName, string? ContactPhone, bool? Publish, int? Rating);

public sealed record ExportMessage(string TicketCode, DateTime At, string Sender, string? Text);

public sealed record ExportRequest(string Kind, string Status, DateTime ReceivedAt, DateTime DueAt, string? Outcome);

/// <summary>Everything the service holds about one citizen, as the export shows it.</summary>
public sealed record CitizenData(string ZaloUserId, IReadOnlyList<ExportTicket> Tickets, IReadOnlyList<ExportMessage> Messages,
    IReadOnlyList<ConsentRow> Consents, IReadOnlyList<ExportRequest> Requests);

/// <summary>
/// "Dữ liệu của tôi": a short summary in the chat and a one-time link (its token stored hashed, valid for hours, opened
/// once) to a readable page with the full data and a JSON download.
/// </summary>
public sealed class DataExport(NpgsqlDataSource dataSource, ConsentRecords consents, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public async Task<string> SummaryWithLinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string counts = """
            select (select count(*)::int from tickets where citizen_zalo_id = @userId),
                   (select contact_name from tickets where citizen_zalo_id = @userId and contact_name is not null order by id desc limit 1),
                   (select contact_phone from tickets where citizen_zalo_id = @userId and contact_phone is not null order by id desc limit 1),
                   (select count(*)::int from consent_records where zalo_user_id = @userId and purpose <> 'notice')
            """;
        var (tickets, name, phone, consentCount) = await connection.QuerySingleAsync<(int, string?, string?, int)>(new CommandDefinition(counts, new { userId }, transaction, cancellationToken: cancellationToken));
        var token = "dx_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into privacy_export_links (token_hash, zalo_user_id, created_at, expires_at) values (@hash, @userId, @now, @expires)",
            new { hash = Hash(token), userId, now, expires = now + options.Value.ExportLinkLifetime }, transaction, cancellationToken: cancellationToken));
        var hours = (int)Math.Ceiling(options.Value.ExportLinkLifetime.TotalHours);
        return "Dữ liệu của bạn mà chúng tôi đang giữ:\n" +
               $"• {tickets} phản ánh (nội dung, địa điểm, ảnh, tin nhắn trao đổi)\n" +
               $"• Liên hệ: {(name is null ? "chưa có" : name)}{(phone is null ? "" : ", số điện thoại " + Operations.SensitiveData.MaskPhone(phone))}\n" +
               $"• {consentCount} lựa chọn về đồng ý (gọi lại, khảo sát, công khai)\n" +
               $"Xem và tải toàn bộ (một lần, trong {hours} giờ): {consents.PublicBase}{PrivacyPages.ExportPath}/{token}";
    }

    /// <summary>The citizen behind a live link, consuming it; null when unknown, used or expired.</summary>
    public async Task<CitizenData?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 20 and < 80 } || !token.StartsWith("dx_", StringComparison.Ordinal)) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var userId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            update privacy_export_links set used_at = @now
            where token_hash = @hash and used_at is null and expires_at > @now
            returning zalo_user_id
            """, new { hash = Hash(token), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return userId is null ? null : await CollectAsync(connection, userId, cancellationToken);
    }

    public static async Task<CitizenData> CollectAsync(NpgsqlConnection connection, string userId, CancellationToken cancellationToken)
    {
        const string sql = """
            select t.code, c.name as Category, t.status, t.track, t.created_at as CreatedAt, t.description, t.address, t.latitude, t.longitude,
                   t.contact_name as ContactName, t.contact_phone as ContactPhone, t.publish, t.rating::int as Rating
            from tickets t join categories c on c.code = t.category_code
            where t.citizen_zalo_id = @userId order by t.id;
            select t.code as TicketCode, e.at, case when e.actor_kind = 'citizen' then 'Bạn' else 'Cơ quan' end as Sender, e.body as Text
            from ticket_events e join tickets t on t.id = e.ticket_id
            where t.citizen_zalo_id = @userId and e.is_public and e.body is not null order by e.id;
            select kind, status, received_at as ReceivedAt, due_at as DueAt, outcome from privacy_requests where zalo_user_id = @userId order by id;
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        var tickets = (await results.ReadAsync<ExportTicket>()).AsList();
        var messages = (await results.ReadAsync<ExportMessage>()).AsList();
        var requests = (await results.ReadAsync<ExportRequest>()).AsList();
        return new CitizenData(userId, tickets, messages, await ConsentRecords.OfCitizenAsync(connection, userId, cancellationToken), requests);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
