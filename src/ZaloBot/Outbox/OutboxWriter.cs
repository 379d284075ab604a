using System.Text.Json.Nodes;
using ZaloBot.Storage;

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
    private const string InsertSql = """
        insert into outbox (oa_id, recipient_id, message, idempotency_key, correlation_id, created_at, next_attempt_at, reply_to_msg_id, ticket_id, notice)
        values (@OaId, @RecipientId, @Message::jsonb, @IdempotencyKey, @CorrelationId, @now, @now, @ReplyToMsgId, @TicketId, @Notice::jsonb)
        on conflict (idempotency_key) do nothing
        """;

    public static Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        StatementBatch.ExecuteAsync(connection, transaction, [Insert(message, now)], cancellationToken);

    /// <summary>The insert as one statement of a batch, for a caller that sends several writes in one round trip.</summary>
    public static NpgsqlBatchCommand Insert(OutboxMessage message, DateTimeOffset now) => StatementBatch.Command(InsertSql,
        ("OaId", message.Recipient.OaId),
        ("RecipientId", message.Recipient.StoredId),
        ("Message", message.Message.ToJsonString()),
        ("IdempotencyKey", message.IdempotencyKey),
        ("CorrelationId", message.CorrelationId),
        ("now", now),
        ("ReplyToMsgId", message.ReplyToMsgId),
        ("TicketId", message.TicketId),
        ("Notice", message.Notice?.ToJson()));
}
