using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace ZaloBot.Outbox;

/// <summary>A message owed to a Zalo user, queued in the caller's transaction.</summary>
public sealed record OutboxMessage(string RecipientId, JsonObject Message, string IdempotencyKey, string? CorrelationId, string Channel = "cs");

/// <summary>
/// Queues outbound messages in the same transaction as the change that caused them (design §8), so a reply exists
/// if and only if the change committed. A replayed cause carries the same idempotency key and adds nothing.
/// </summary>
public static class OutboxWriter
{
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into outbox (recipient_id, channel, message, idempotency_key, correlation_id, created_at, next_attempt_at)
            values (@RecipientId, @Channel, @Message::jsonb, @IdempotencyKey, @CorrelationId, @now, @now)
            on conflict (idempotency_key) do nothing
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            message.RecipientId,
            message.Channel,
            Message = message.Message.ToJsonString(),
            message.IdempotencyKey,
            message.CorrelationId,
            now,
        }, transaction, cancellationToken: cancellationToken));
    }
}
