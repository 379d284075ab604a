using Dapper;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>Reads what the service wrote, for assertions.</summary>
public static class Rows
{
    public sealed record OutboxRow(long Id, string RecipientId, string Message, string IdempotencyKey, string Status)
    {
        /// <summary>The message's text, or for Zalo's contact form (which has none) the question carried in its subtitle.</summary>
        public string Text
        {
            get
            {
                var root = System.Text.Json.JsonDocument.Parse(Message).RootElement;
                if (root.TryGetProperty("text", out var t)) return t.GetString() ?? "";
                return root.TryGetProperty("attachment", out var a) && a.GetProperty("payload").TryGetProperty("elements", out var e)
                    && e.GetArrayLength() > 0 && e[0].TryGetProperty("subtitle", out var subtitle) ? subtitle.GetString() ?? "" : "";
            }
        }
    }

    public static async Task<IReadOnlyList<OutboxRow>> OutboxAsync(TestDatabase database, string recipientId)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<OutboxRow>(
            "select id, recipient_id as RecipientId, message::text as Message, idempotency_key as IdempotencyKey, status from outbox where recipient_id = @recipientId order by id",
            new { recipientId })).AsList();
    }

    public sealed record TicketRow(long Id, string Code, string Status, string CategoryCode, string Description, string? Address, string? ContactName, string? ContactPhone, string? ServiceCentreCode, string? AreaCode, string? ServiceCentreSource);

    public static async Task<IReadOnlyList<TicketRow>> TicketsAsync(TestDatabase database, string citizenZaloId)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<TicketRow>(
            """
            select id, code, status, category_code as CategoryCode, description, address, contact_name as ContactName,
                   contact_phone as ContactPhone, service_centre_code as ServiceCentreCode, area_code as AreaCode,
                   service_centre_source as ServiceCentreSource
            from tickets where citizen_zalo_id = @citizenZaloId order by id
            """, new { citizenZaloId })).AsList();
    }

    public sealed record TicketEventRow(string Kind, string ActorKind, string? ActorId, bool IsPublic, string? Body);

    public static async Task<IReadOnlyList<TicketEventRow>> TicketEventsAsync(TestDatabase database, long ticketId)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<TicketEventRow>(
            "select kind, actor_kind as ActorKind, actor_id as ActorId, is_public as IsPublic, body from ticket_events where ticket_id = @ticketId order by id",
            new { ticketId })).AsList();
    }

    /// <summary>Waits (bounded) until every stored event of the user has been processed, and fails on any parked one.</summary>
    public static async Task InboxDrainedAsync(TestDatabase database, string userId)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = database.Open();
            return await connection.ExecuteScalarAsync<long>(
                "select count(*) from inbox where user_id = @userId and processed_at is null and (parked_at is null and attempts = 0)", new { userId }) == 0;
        }, $"the inbox of {userId} to be processed");
        await using var db = database.Open();
        var failures = (await db.QueryAsync<string>(
            "select event_name || ': ' || last_error from inbox where user_id = @userId and processed_at is null", new { userId })).AsList();
        failures.ShouldBeEmpty();
    }
}
