using ZaloBot.Staff;

namespace ZaloBot.UndeliveredMessages;

public sealed record UndeliveredMessage(long Id, string RecipientId, string Message, string? LastError, int Attempts, DateTime CreatedAt, string? TicketCode);

/// <summary>
/// Messages Zalo would not deliver (outside the messaging window, blocked, bad request): staff must see who was not
/// reached. A staff endpoint over the outbox's dead letters in a folder of its own, so the outbox below the tickets
/// does not depend on the staff policies above it.
/// </summary>
public static class UndeliveredMessagesApi
{
    public static IEndpointRouteBuilder MapUndeliveredMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outbox/undelivered", async (long? after, NpgsqlDataSource db, CancellationToken ct) =>
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                var rows = await connection.QueryAsync<UndeliveredMessage>(new CommandDefinition(
                    """
                    select o.id, o.recipient_id as RecipientId, o.message::text as Message, o.last_error as LastError, o.attempts,
                           o.created_at as CreatedAt,
                           coalesce((select t.code from tickets t where t.id = o.ticket_id),
                                    (select t.code from tickets t where t.citizen_zalo_id = o.recipient_id order by t.id desc limit 1)) as TicketCode
                    from outbox o
                    where o.status = 'dead' and (@after::bigint is null or o.id < @after)
                    order by o.id desc
                    limit 100
                    """, new { after }, cancellationToken: ct));
                return TypedResults.Ok(rows.AsList());
            })
            .WithTags("Outbox").RequireAuthorization(StaffPolicies.Supervisor)
            .WithSummary("Messages that could not be delivered, newest first, with the reason: outside Zalo's 7-day window with no template or phone, Zalo's refusal, or a template that may have been sent and charged (not retried).");
        return app;
    }
}
