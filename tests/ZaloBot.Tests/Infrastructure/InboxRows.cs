using Dapper;

namespace ZaloBot.Tests.Infrastructure;

public sealed record InboxRow(long Id, string DedupeKey, string EventName, string AppId, string? UserId, string? MsgId, DateTime EventTime, string? CorrelationId, string Payload);

public static class InboxRows
{
    public static async Task<IReadOnlyList<InboxRow>> WhereAsync(TestDatabase database, string userId)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<InboxRow>(
            """
            select id, dedupe_key as DedupeKey, event_name as EventName, app_id as AppId, user_id as UserId, msg_id as MsgId,
                   event_time as EventTime, correlation_id as CorrelationId, payload
            from inbox where user_id = @userId order by id
            """, new { userId });
        return rows.AsList();
    }

    public static async Task<long> CountAsync(TestDatabase database)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long>("select count(*) from inbox");
    }
}
