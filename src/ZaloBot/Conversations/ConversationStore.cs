using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>The engine's state per Zalo user of one OA, stored as jsonb and replaced inside the processor's transaction.</summary>
public static class ConversationStore
{
    /// <summary>
    /// The state (parameters <c>@oaId</c>, <c>@userId</c>), read with the rest of a turn's reads in one round trip
    /// (<see cref="ConversationContextLoader"/>). The user's advisory lock already serialises writers; FOR UPDATE keeps
    /// staff-side writers honest too.
    /// </summary>
    public const string LoadForUpdateSql = "select state::text from conversations where oa_id = @oaId and zalo_user_id = @userId for update";

    public static TState? Read<TState>(string? text, JsonTypeInfo<TState> json) where TState : class =>
        text is null ? null : JsonSerializer.Deserialize(text, json);

    private const string SaveSql = """
        insert into conversations (oa_id, zalo_user_id, state, updated_at, idle_check_at)
        values (@oaId, @userId, @state::jsonb, @now, @idleCheckAt)
        on conflict (oa_id, zalo_user_id) do update
        set state = excluded.state, version = conversations.version + 1,
            updated_at = excluded.updated_at, idle_check_at = excluded.idle_check_at
        """;

    /// <summary>The save as one statement of a batch (a turn sends it with its replies, in one round trip).</summary>
    public static NpgsqlBatchCommand Save<TState>(ZaloRecipient citizen, TState state, DateTimeOffset? idleCheckAt, DateTimeOffset now, JsonTypeInfo<TState> json) =>
        StatementBatch.Command(SaveSql, ("oaId", citizen.OaId), ("userId", citizen.UserId), ("state", JsonSerializer.Serialize(state, json)), ("now", now), ("idleCheckAt", idleCheckAt));

    /// <summary>Users whose idle draft is due for a reminder or expiry check.</summary>
    public static async Task<IReadOnlyList<ZaloRecipient>> IdleDueAsync(NpgsqlConnection connection, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            select oa_id, zalo_user_id from conversations
            where idle_check_at <= @now
            order by idle_check_at
            limit @limit
            """;
        return (await connection.QueryAsync<(string OaId, string UserId)>(new CommandDefinition(sql, new { now, limit }, cancellationToken: cancellationToken)))
            .Select(r => new ZaloRecipient(r.OaId, r.UserId)).ToList();
    }
}
