using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Open311;

/// <summary>
/// Tickets with every private field filled with a recognisable value, so a test can look for each in public output.
/// By default the citizen agreed to publication (a chat ticket is published only after a yes, docs/privacy.md).
/// </summary>
public static class PublicSeed
{
    public const string Name = "Trần Thị Bích Ngọc";
    public const string Phone = "+84987654321";
    public const string NoteText = "GHI CHÚ NỘI BỘ: người này hay khiếu nại";

    private static int _sequence;

    public static async Task<(long Id, string Code, string Citizen)> TicketAsync(this ServiceFactory service, string category = "INFRA", string status = "received",
        string description = "Cống thoát nước trước nhà bị tắc, nước tràn ra đường mỗi khi mưa", string? area = "KINHBAC",
        double? lat = 21.1861234, double? lng = 106.0763456, bool? publish = true, string? answer = null, DateTimeOffset? createdAt = null,
        string? agency = "UBND-KB", string channel = "zalo")
    {
        var n = Interlocked.Increment(ref _sequence);
        var code = $"PA-2611-{TicketCode.Alphabet[n / 1024 % 32]}{TicketCode.Alphabet[n / 32 % 32]}{TicketCode.Alphabet[n % 32]}{TicketCode.Alphabet[Random.Shared.Next(32)]}";
        var citizen = "zalo-" + Guid.NewGuid().ToString("N")[..10];
        var created = createdAt ?? DateTimeOffset.UtcNow.AddDays(-3);
        await using var connection = service.Database.Open();
        var id = await connection.ExecuteScalarAsync<long>(
            """
            insert into tickets (code, citizen_zalo_id, status, category_code, description, address, latitude, longitude, area_code,
                                 contact_name, contact_phone, assigned_agency_code, created_at, updated_at, due_at, resolved_at, publish, channel)
            values (@code, @citizen, @status, @category, @description, 'Số 12 Lý Thái Tổ', @lat, @lng, @area, @Name, @Phone, @agency,
                    @created, @created, @created + interval '10 days',
                    case when @status in ('resolved', 'closed') then @created + interval '2 days' end, @publish, @channel)
            returning id
            """, new { code, citizen, status, category, description, lat, lng, area, Name, Phone, agency, created, publish, channel });
        await connection.ExecuteAsync(
            """
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload) values
              (@id, @created, 'citizen', @citizen, 'created', true, @description, '{"attachments":[{"type":"image","url":"https://photo.example/private.jpg"}]}'),
              (@id, @created, 'staff', '1', 'note', false, @NoteText, '{}')
            """, new { id, created, citizen, description, NoteText });
        if (answer is not null)
            await connection.ExecuteAsync(
                """
                insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
                values (@id, @created, 'staff', '1', 'status_changed', true, @answer, '{"action":"resolve","from":"in_progress","to":"resolved"}')
                """, new { id, created, answer });
        return (id, code, citizen);
    }
}
