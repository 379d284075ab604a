using Dapper;
using Npgsql;

namespace ZaloBot.Webhooks;

public sealed record InboxEntry(
    string DedupeKey,
    string EventName,
    string AppId,
    string? UserId,
    string? MsgId,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt,
    string? CorrelationId,
    string Payload);

public sealed class InboxWriter(NpgsqlDataSource dataSource)
{
    /// <summary>Stores the event durably; false when an event with the same dedupe key is already stored.</summary>
    public async Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into inbox (dedupe_key, event_name, app_id, user_id, msg_id, event_time, received_at, correlation_id, payload)
            values (@DedupeKey, @EventName, @AppId, @UserId, @MsgId, @EventTime, @ReceivedAt, @CorrelationId, @Payload)
            on conflict (dedupe_key) do nothing
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(sql, entry, cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
