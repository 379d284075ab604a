using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace ZaloBot.Outbox;

/// <summary>
/// A message owed to a citizen or staff member, queued in the caller's transaction; it leaves through the recipient's OA. <paramref name="ReplyToMsgId"/> makes it an
/// answer to the citizen's inbound message (free); without it the message is proactive. A <paramref name="Notice"/>
/// about a ticket may travel as a ZBS template when the citizen is outside the messaging window.
/// </summary>
public sealed record OutboxMessage(
    OutboxRecipient Recipient, JsonObject Message, string IdempotencyKey, string? CorrelationId,
    string? ReplyToMsgId = null, long? TicketId = null, Notice? Notice = null);

/// <summary>
/// Queues outbound messages in the same transaction as the change that caused them, so a reply exists
/// if and only if the change committed. A replayed cause carries the same idempotency key and adds nothing.
/// </summary>
public static class OutboxWriter
{
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into outbox (oa_id, recipient_id, message, idempotency_key, correlation_id, created_at, next_attempt_at, reply_to_msg_id, ticket_id, notice)
            values (@OaId, @RecipientId, @Message::jsonb, @IdempotencyKey, @CorrelationId, @now, @now, @ReplyToMsgId, @TicketId, @Notice::jsonb)
            on conflict (idempotency_key) do nothing
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            message.Recipient.OaId,
            RecipientId = message.Recipient.StoredId,
            Message = message.Message.ToJsonString(),
            message.IdempotencyKey,
            message.CorrelationId,
            now,
            message.ReplyToMsgId,
            message.TicketId,
            Notice = message.Notice?.ToJson(),
        }, transaction, cancellationToken: cancellationToken));
    }
}
